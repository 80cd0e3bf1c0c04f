import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MyAlertView, SupervisionPage } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { staffAccess } from '../shared/staff-access';

/** The panel lists the most urgent warnings; the count tells how many there are in all. */
export const MY_ALERTS_SHOWN = 20;

/**
 * 我的预警: the open alerts the supervision rules address to the signed-in staff member, as the
 * handler of the step or the head of its department, red first and then by deadline, each with
 * why it reached them. Alerts are raised by the minute-by-minute sweep, so the panel loads once
 * and offers a refresh rather than polling.
 */
@Component({
  selector: 'wb-my-alerts-panel',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslocoPipe, FormErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="wb-my-alerts" aria-labelledby="my-alerts-heading" data-testid="my-alerts">
      <h2 id="my-alerts-heading" class="wb-section-title">
        {{ 'myAlerts.heading' | transloco }}
        @if (page(); as p) {
          <span class="wb-muted" data-testid="my-alerts-count">{{ 'myAlerts.count' | transloco: { total: p.total } }}</span>
        }
      </h2>
      <p class="wb-muted">{{ 'myAlerts.intro' | transloco }}</p>
      <div class="wb-button-row">
        <button mat-stroked-button type="button" data-testid="my-alerts-refresh" (click)="load()" [disabled]="loading()">{{ 'myAlerts.refresh' | transloco }}</button>
      </div>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" data-testid="my-alerts-loading" />
      }
      @if (error(); as message) {
        <div data-testid="my-alerts-error">
          <zw-form-error [message]="message" />
          <button mat-stroked-button type="button" data-testid="my-alerts-retry" (click)="load()" [disabled]="loading()">{{ 'common.retry' | transloco }}</button>
        </div>
      }
      @if (page(); as p) {
        @if (p.items.length === 0) {
          <p class="zw-notice" role="status" data-testid="my-alerts-empty">{{ 'myAlerts.none' | transloco }}</p>
        } @else {
          @if (p.total > p.items.length) {
            <p class="wb-muted" data-testid="my-alerts-showing">{{ 'myAlerts.showingFirst' | transloco: { shown: p.items.length, total: p.total } }}</p>
          }
          <table class="wb-table" aria-labelledby="my-alerts-heading">
            <thead>
              <tr>
                <th scope="col">{{ 'myAlerts.col.level' | transloco }}</th>
                <th scope="col">{{ 'myAlerts.col.case' | transloco }}</th>
                <th scope="col">{{ 'myAlerts.col.step' | transloco }}</th>
                <th scope="col">{{ 'myAlerts.col.due' | transloco }}</th>
                <th scope="col">{{ 'myAlerts.col.reason' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (alert of p.items; track alert.id) {
                <tr [class]="'wb-row-' + alert.level" [attr.data-level]="alert.level">
                  <td>{{ 'supervision.level.' + alert.level | transloco }}</td>
                  <td>
                    @if (alert.applicationId) {
                      <a [routerLink]="['/cases', alert.applicationId]">{{ alert.caseNumber ?? ('supervision.subject.' + alert.subjectKind | transloco) }}</a>
                    } @else {
                      {{ alert.caseNumber ?? ('supervision.subject.' + alert.subjectKind | transloco) }}
                    }
                    @if (alert.itemName) {
                      <div class="wb-muted">{{ alert.itemName }}</div>
                    }
                  </td>
                  <td>
                    {{ alert.stepName ?? ('supervision.subject.' + alert.subjectKind | transloco) }}
                    @if (alert.post) {
                      <div class="wb-muted">{{ 'roles.' + alert.post | transloco }}</div>
                    }
                  </td>
                  <td>
                    {{ alert.due ?? '—' }}
                    @if (alert.provisional) {
                      <span class="wb-provisional">{{ 'case.provisional' | transloco }}</span>
                    }
                    @if (alert.workingDays !== null) {
                      <div class="wb-muted">{{ (alert.level === 'red' ? 'myAlerts.daysOverdue' : 'myAlerts.daysLeft') | transloco: { days: alert.workingDays } }}</div>
                    }
                  </td>
                  <td>
                    @for (reason of alert.reasons; track reason) {
                      <div>{{ 'myAlerts.reason.' + reason | transloco }}</div>
                    }
                    @if (alert.departmentName) {
                      <div class="wb-muted">{{ alert.departmentName }}</div>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        }
      }
    </section>
  `,
})
export class MyAlertsPanelComponent {
  private readonly api = inject(SupervisionApi);
  private readonly access = staffAccess();
  private readonly destroyRef = inject(DestroyRef);

  protected readonly page = signal<SupervisionPage<MyAlertView> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    if (this.loading()) return;
    this.loading.set(true);
    this.error.set(null);
    this.api
      .myAlerts(this.access.centreCode(), { limit: MY_ALERTS_SHOWN })
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => this.page.set(page),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }
}
