import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DepartmentView, ItemPage } from '@zhengwu/shared/contracts';
import { CatalogueApi, centreChain, ItemSearchParams } from '@zhengwu/web/approval/data-access';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { catchError, debounceTime, map, of, switchMap, tap } from 'rxjs';

import { CodeLabelPipe, ReferenceData } from '../shared/directory';
import { ItemSummaryComponent } from '../shared/item-summary.component';

export const CENTRE_PAGE_SIZE = 20;

/** The query string of this page, read back as search parameters (invalid values are dropped). */
export function itemSearchFromQuery(query: {
  q?: string;
  department?: string;
  object?: string;
  caseType?: string;
  online?: string;
  page?: string;
}): ItemSearchParams {
  const page = Number(query.page);
  const object = Number(query.object);
  return {
    ...(query.q?.trim() ? { q: query.q.trim().slice(0, 100) } : {}),
    ...(query.department ? { department: query.department } : {}),
    ...(Number.isInteger(object) && object >= 1 && object <= 6 ? { object } : {}),
    ...(query.caseType === 'immediate' || query.caseType === 'promised' ? { caseType: query.caseType } : {}),
    ...(query.online === 'true' ? { onlineApplicable: true } : {}),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: CENTRE_PAGE_SIZE,
  };
}

/** One centre's published items (办事指南目录): search, filters and pages, all kept in the URL. */
@Component({
  selector: 'portal-centre-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FormErrorComponent,
    ItemSummaryComponent,
    CodeLabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './centre.page.html',
})
export class CentrePage {
  readonly centreCode = input.required<string>();
  readonly q = input<string>();
  readonly department = input<string>();
  readonly object = input<string>();
  readonly caseType = input<string>();
  readonly online = input<string>();
  readonly page = input<string>();

  private readonly catalogue = inject(CatalogueApi);
  private readonly router = inject(Router);
  protected readonly reference = inject(ReferenceData);

  protected readonly centre = computed(() => this.reference.centre(this.centreCode()));
  protected readonly ancestors = computed(() => centreChain(this.reference.centres(), this.centreCode()).slice(1).reverse());
  protected readonly search = computed(() =>
    itemSearchFromQuery({
      q: this.q(),
      department: this.department(),
      object: this.object(),
      caseType: this.caseType(),
      online: this.online(),
      page: this.page(),
    }),
  );
  protected readonly departments = signal<DepartmentView[]>([]);
  protected readonly result = signal<ItemPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    q: [''],
    department: [''],
    object: [0],
    caseType: [''],
    online: [false],
  });

  constructor() {
    toObservable(this.centreCode)
      .pipe(
        switchMap((code) => this.catalogue.departments(code).pipe(catchError(() => of([])))),
        takeUntilDestroyed(),
      )
      .subscribe((departments) => this.departments.set(departments));

    toObservable(computed(() => ({ code: this.centreCode(), search: this.search() })))
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap(({ code, search }) =>
          this.catalogue.searchItems(code, search).pipe(
            catchError((error: unknown) => {
              this.error.set(describeHttpError(error).message);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.result.set(result);
      });

    // The form shows what the URL says (after back/forward too)…
    effect(() => {
      const search = this.search();
      untracked(() =>
        this.form.setValue(
          {
            q: search.q ?? '',
            department: search.department ?? '',
            object: search.object ?? 0,
            caseType: search.caseType ?? '',
            online: search.onlineApplicable ?? false,
          },
          { emitEvent: false },
        ),
      );
    });
    // …and edits go to the URL (the first page of the new results).
    this.form.valueChanges
      .pipe(
        debounceTime(300),
        map(() => this.form.getRawValue()),
        takeUntilDestroyed(),
      )
      .subscribe((value) => this.navigate({ ...value, page: 1 }));
  }

  protected changePage(event: PageEvent): void {
    this.navigate({ ...this.form.getRawValue(), page: event.pageIndex + 1 });
  }

  protected clearFilters(): void {
    this.form.reset({ q: '', department: '', object: 0, caseType: '', online: false });
  }

  private navigate(value: { q: string; department: string; object: number; caseType: string; online: boolean; page: number }): void {
    // The applicant already clicked away (e.g. on an item while the search was debouncing): a
    // query-string update now would cancel that navigation and keep them here.
    if (this.router.currentNavigation()) return;
    void this.router.navigate([], {
      queryParams: {
        q: value.q.trim() || null,
        department: value.department || null,
        object: value.object || null,
        caseType: value.caseType || null,
        online: value.online ? 'true' : null,
        page: value.page > 1 ? value.page : null,
      },
      replaceUrl: true,
    });
  }
}
