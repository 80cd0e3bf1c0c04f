import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RectificationView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';
import { SupervisionNavComponent } from './supervision-nav.component';

/** The statuses a rectification case can have (rectifications table), named in the translations. */
const RECTIFICATION_STATUSES = new Set(['open', 'valid', 'invalid', 'appealed', 'rectifying', 'done', 'cannot_fix']);

/**
 * 差评整改: the rectification cases bad ratings opened that are still in hand (open, confirmed
 * valid, appealed, being rectified), each with its deadline and a link to the case. The API offers
 * the list only: the actions on a rectification are not in the server yet.
 */
@Component({
  selector: 'wb-supervision-rectifications-page',
  imports: [DatePipe, RouterLink, MatProgressBarModule, TranslocoPipe, FormErrorComponent, SupervisionNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="zw-page-title">{{ 'supervision.rectifications' | transloco }}</h1>
    <wb-supervision-nav />
    <p>{{ 'supervision.rectificationsIntro' | transloco }}</p>
    <zw-form-error [message]="error()" />
    @if (rectifications(); as list) {
      @if (list.length) {
        <table class="wb-table" data-testid="rectification-list" [attr.aria-label]="'supervision.rectifications' | transloco">
          <thead>
            <tr>
              <th scope="col">{{ 'supervision.col.case' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.status' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.due' | transloco }}</th>
              <th scope="col">{{ 'supervision.col.opened' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (item of list; track item.id) {
              <tr>
                <td><a [routerLink]="['/cases', item.applicationId]">{{ item.caseNumber }}</a></td>
                <td>{{ statusLabel(item.status) | transloco }}</td>
                <td>
                  {{ item.due }}
                  @if (item.dueProvisional) {
                    <span class="wb-provisional">{{ 'case.provisional' | transloco }}</span>
                  }
                </td>
                <td>{{ item.createdAt | date: instantFormat : offset }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="zw-notice">{{ 'supervision.noRectifications' | transloco }}</p>
      }
    } @else if (!error()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
  `,
})
export class SupervisionRectificationsPage {
  private readonly api = inject(SupervisionApi);
  private readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly rectifications = signal<RectificationView[] | null>(null);
  protected readonly error = signal<Translatable | null>(null);

  constructor() {
    this.api.rectifications(this.access.centreCode()).subscribe({
      next: (list) => this.rectifications.set(list),
      error: (error: unknown) => this.error.set(describeHttpError(error).message),
    });
  }

  protected statusLabel(status: string): string {
    return RECTIFICATION_STATUSES.has(status) ? `supervision.rectificationStatus.${status}` : status;
  }
}
