import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PageOf, VerificationTaskView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { type VerificationTaskStatus, VerificationTasksApi } from '@zhengwu/web/workbench/data-access';
import { finalize, Subscription } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';
import { TranslatedPaginatorIntl } from '../shared/translated-paginator-intl';

/** Every originals check this centre must do (its own cases and routed ones), soonest due first. */
@Component({
  selector: 'wb-originals-queue-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatPaginatorModule, MatProgressBarModule, MatTabsModule, TranslocoPipe, FormErrorComponent],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './originals-queue.page.html',
})
export class OriginalsQueuePage {
  private readonly api = inject(VerificationTasksApi);
  protected readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly statuses: readonly VerificationTaskStatus[] = ['pending', 'completed'];
  protected readonly status = signal<VerificationTaskStatus>('pending');
  protected readonly page = signal({ page: 1, pageSize: 20 });
  protected readonly result = signal<PageOf<VerificationTaskView> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  private request?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
    this.load();
  }

  protected selectTab(index: number): void {
    this.status.set(this.statuses[index] ?? 'pending');
    this.page.set({ page: 1, pageSize: this.page().pageSize });
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.page.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.load();
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    const { page, pageSize } = this.page();
    this.request = this.api
      .list(this.access.centreCode(), this.status(), page, pageSize)
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (result) => this.result.set(result),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }
}
