import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AccountabilityRecordView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';
import { KNOWN_RULES } from './alert-table.component';
import { SupervisionNavComponent } from './supervision-nav.component';

const PAGE = 50;

/** Accountability records (问责记录): who held the work when a red alert was raised. */
@Component({
  selector: 'wb-supervision-accountability-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe, FormErrorComponent, SupervisionNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="zw-page-title">{{ 'supervision.accountability.heading' | transloco }}</h1>
    <wb-supervision-nav />
    <p>{{ 'supervision.accountability.intro' | transloco }}</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    <zw-form-error [message]="error()" />
    @if (records(); as list) {
      @if (list.length) {
        <table class="wb-table" data-testid="accountability-list" [attr.aria-label]="'supervision.accountability.heading' | transloco">
          <thead>
            <tr>
              <th scope="col">{{ 'supervision.col.case' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.holder' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.step' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.department' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.rule' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.due' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.recorded' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (record of list; track record.id) {
              <tr [class]="'wb-row-' + record.level">
                <td>
                  @if (record.applicationId) {
                    <a [routerLink]="['/cases', record.applicationId]">{{ record.caseNumber }}</a>
                  } @else {
                    {{ record.caseNumber ?? '—' }}
                  }
                </td>
                <td>{{ record.holderName ?? ('supervision.unclaimed' | transloco) }}</td>
                <td>
                  {{ record.stepName ?? '—' }}
                  @if (record.post) {
                    <div class="wb-muted">{{ 'roles.' + record.post | transloco }}</div>
                  }
                </td>
                <td>{{ record.departmentName ?? '—' }}</td>
                <td>{{ ruleLabel(record.ruleId) | transloco }} · {{ 'supervision.level.' + record.level | transloco }}</td>
                <td>
                  {{ record.due ?? '—' }}
                  @if (record.workingDays !== null) {
                    <div class="wb-muted">{{ 'supervision.daysOverdue' | transloco: { days: record.workingDays } }}</div>
                  }
                </td>
                <td>{{ record.recordedAt | date: instantFormat : offset }}</td>
              </tr>
            }
          </tbody>
        </table>
        <div class="wb-button-row">
          <span class="wb-muted">{{ 'supervision.range' | transloco: { from: pageOffset() + 1, to: pageOffset() + list.length, total: total() } }}</span>
          <button mat-button type="button" [disabled]="pageOffset() === 0 || loading()" (click)="load(pageOffset() - pageSize)">{{ 'common.previous' | transloco }}</button>
          <button mat-button type="button" [disabled]="pageOffset() + list.length >= total() || loading()" (click)="load(pageOffset() + pageSize)">
            {{ 'common.next' | transloco }}
          </button>
        </div>
      } @else {
        <p class="zw-notice">{{ 'supervision.accountability.none' | transloco }}</p>
      }
    }
  `,
})
export class SupervisionAccountabilityPage {
  private readonly api = inject(SupervisionApi);
  private readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly pageSize = PAGE;
  protected readonly records = signal<AccountabilityRecordView[] | null>(null);
  protected readonly total = signal(0);
  protected readonly pageOffset = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);

  constructor() {
    this.load(0);
  }

  protected load(offset: number): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .accountability(this.access.centreCode(), { limit: PAGE, offset })
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (page) => {
          this.records.set(page.items);
          this.total.set(page.total);
          this.pageOffset.set(offset);
        },
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }

  protected ruleLabel(ruleId: string): string {
    return KNOWN_RULES.has(ruleId) ? `supervision.rule.${ruleId}` : ruleId;
  }
}
