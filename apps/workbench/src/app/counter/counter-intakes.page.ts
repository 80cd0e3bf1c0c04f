import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApplicationStatus, STATUS_LABELS } from '@zhengwu/approval/domain';
import type { CounterIntakeStatus, CounterIntakeView, PageOf } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { CounterIntakesApi } from '@zhengwu/web/workbench/data-access';
import { finalize, Subscription } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { LabelPipe } from '../shared/label.pipe';
import { staffAccess } from '../shared/staff-access';
import { TranslatedPaginatorIntl } from '../shared/translated-paginator-intl';

export const INTAKE_STATUSES: readonly CounterIntakeStatus[] = ['drafting', 'forwarded', 'reported'];

/** This counter's walk-in intakes (窗口代收), newest first, with what the handling centre reported. */
@Component({
  selector: 'wb-counter-intakes-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatPaginatorModule, MatProgressBarModule, MatTabsModule, TranslocoPipe, FormErrorComponent, LabelPipe],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="wb-title-row">
      <h1 class="zw-page-title" id="counter-heading">{{ 'counter.heading' | transloco }}</h1>
      <a mat-flat-button routerLink="/counter/new">{{ 'counter.new' | transloco }}</a>
    </div>
    <p>{{ 'counter.intro' | transloco }}</p>
    <mat-tab-group (selectedIndexChange)="selectTab($event)" [attr.aria-label]="'counter.tabs' | transloco">
      @for (status of statuses; track status) {
        <mat-tab [label]="'counter.status.' + status | transloco" />
      }
    </mat-tab-group>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    <zw-form-error [message]="error()" />
    @if (result(); as page) {
      @if (page.items.length) {
        <table class="wb-table" aria-labelledby="counter-heading">
          <thead>
            <tr>
              <th scope="col">{{ 'counter.col.item' | transloco }}</th>
              <th scope="col">{{ 'counter.col.applicant' | transloco }}</th>
              <th scope="col">{{ 'counter.col.itemCentre' | transloco }}</th>
              <th scope="col">{{ 'counter.col.handling' | transloco }}</th>
              <th scope="col">{{ 'counter.col.created' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (intake of page.items; track intake.id) {
              <tr>
                <td>
                  <a [routerLink]="['/counter', intake.id]">{{ intake.itemName }}</a>
                  @if (intake.caseNumber) {
                    <br /><span class="wb-muted">{{ intake.caseNumber }}</span>
                  }
                </td>
                <td>{{ intake.applicant.name }}（{{ intake.applicant.identityMasked }}）</td>
                <td>{{ intake.itemCentre }}</td>
                <td>{{ intake.handlingStatus !== null ? (handlingLabel(intake.handlingStatus) | wbLabel) : ('counter.status.' + intake.status | transloco) }}</td>
                <td>{{ intake.createdAt | date: instantFormat : offset }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="zw-notice">{{ 'counter.empty' | transloco }}</p>
      }
      <mat-paginator [length]="page.total" [pageIndex]="page.page - 1" [pageSize]="page.pageSize" [pageSizeOptions]="[10, 20, 50, 100]" (page)="changePage($event)" />
    }
  `,
})
export class CounterIntakesPage {
  private readonly api = inject(CounterIntakesApi);
  protected readonly access = staffAccess();
  protected readonly statuses = INTAKE_STATUSES;
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly status = signal<CounterIntakeStatus>('drafting');
  protected readonly page = signal({ page: 1, pageSize: 20 });
  protected readonly result = signal<PageOf<CounterIntakeView> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  private request?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
    this.load();
  }

  /** The handling centre's status, in the approval vocabulary. */
  protected handlingLabel(code: number) {
    return STATUS_LABELS[code as ApplicationStatus] ?? null;
  }

  protected selectTab(index: number): void {
    this.status.set(this.statuses[index] ?? 'drafting');
    this.page.set({ page: 1, pageSize: this.page().pageSize });
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.page.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.load();
  }

  private load(): void {
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
