import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DepartmentView, ItemDetailView, MaterialView, SampleDocumentView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { CatalogueApi } from '@zhengwu/web/workbench/data-access';
import { catchError, finalize, of } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';
import { ItemFormComponent } from './item-form.component';
import { MaterialFormComponent } from './material-form.component';

/** One item for the centre admin: its fields, materials with sample documents, procedure versions. */
@Component({
  selector: 'wb-item-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe, FormErrorComponent, ItemFormComponent, MaterialFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './item.page.html',
})
export class ItemPage {
  /** An item id, or `new`. */
  readonly itemId = input.required<string>();

  private readonly api = inject(CatalogueApi);
  private readonly router = inject(Router);
  protected readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly item = signal<ItemDetailView | null>(null);
  protected readonly departments = signal<DepartmentView[]>([]);
  protected readonly samples = signal<SampleDocumentView[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly actionError = signal<Translatable | null>(null);
  protected readonly working = signal(false);
  /** The material being edited: its id, `new`, or null. */
  protected readonly editing = signal<string | null>(null);

  constructor() {
    const centre = this.access.centreCode();
    this.api.departments(centre).pipe(catchError(() => of([] as DepartmentView[]))).subscribe((list) => this.departments.set(list));
    this.api.sampleDocuments(centre).pipe(catchError(() => of([] as SampleDocumentView[]))).subscribe((list) => this.samples.set(list));
    effect(() => {
      const id = this.itemId();
      if (id !== 'new') this.load(id);
    });
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .item(this.access.centreCode(), id)
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (item) => this.item.set(item),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }

  protected itemSaved(item: ItemDetailView): void {
    if (this.itemId() === 'new') void this.router.navigate(['/admin/items', item.id]);
    else this.item.set(item);
  }

  protected materialSaved(_material: MaterialView): void {
    this.editing.set(null);
    this.load(this.itemId());
  }

  protected sampleUploaded(sample: SampleDocumentView): void {
    this.samples.set([sample, ...this.samples()]);
  }

  protected materialOf(id: string): MaterialView | null {
    return this.item()?.materials.find((m) => m.id === id) ?? null;
  }

  protected setStatus(status: 'published' | 'retired'): void {
    const item = this.item();
    if (!item || this.working()) return;
    this.working.set(true);
    this.actionError.set(null);
    this.api
      .setItemStatus(this.access.centreCode(), item.id, { status })
      .pipe(finalize(() => this.working.set(false)))
      .subscribe({
        next: (updated) => this.item.set(updated),
        error: (error: unknown) => this.actionError.set(describeHttpError(error).message),
      });
  }

  /** A new draft version with the steps of the newest version (or one decision step). */
  protected newDraft(): void {
    const item = this.item();
    if (!item || this.working()) return;
    const latest = item.procedureVersions[0];
    const steps = latest?.steps.map(({ code, name, post, limitWorkingDays }) => ({ code, name, post, limitWorkingDays })) ?? [
      { code: 'JD', name: '决定', post: 'approver' as const, limitWorkingDays: 0 },
    ];
    this.working.set(true);
    this.actionError.set(null);
    this.api
      .createProcedureDraft(this.access.centreCode(), item.id, { steps })
      .pipe(finalize(() => this.working.set(false)))
      .subscribe({
        next: (draft) => void this.router.navigate(['/admin/procedures', draft.id]),
        error: (error: unknown) => this.actionError.set(describeHttpError(error).message),
      });
  }
}
