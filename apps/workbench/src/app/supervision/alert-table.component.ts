import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SupervisionAlertView } from '@zhengwu/shared/contracts';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';

/**
 * Alerts as a table: the case (a link to its page and timeline), the rule and level, the step and
 * its holder, the deadline and how many working days are left or lost.
 */
@Component({
  selector: 'wb-alert-table',
  imports: [DatePipe, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="wb-table" [attr.aria-labelledby]="labelledBy()" [attr.data-testid]="testId()">
      <thead>
        <tr>
          <th scope="col">{{ 'supervision.col.case' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.level' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.rule' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.item' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.step' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.holder' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.due' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.raised' | transloco }}</th>
        </tr>
      </thead>
      <tbody>
        @for (alert of alerts(); track alert.id) {
          <tr [class]="alert.resolvedAt ? '' : 'wb-row-' + alert.level">
            <td>
              @if (alert.applicationId) {
                <a [routerLink]="['/cases', alert.applicationId]">{{ alert.caseNumber ?? ('supervision.subject.' + alert.subjectKind | transloco) }}</a>
              } @else {
                {{ 'supervision.subject.' + alert.subjectKind | transloco }}
              }
            </td>
            <td>{{ 'supervision.level.' + alert.level | transloco }}</td>
            <td>{{ ruleLabel(alert.ruleId) | transloco }}</td>
            <td>
              {{ alert.itemName ?? '—' }}
              @if (alert.departmentName) {
                <div class="wb-muted">{{ alert.departmentName }}</div>
              }
            </td>
            <td>
              {{ alert.stepName ?? '—' }}
              @if (alert.post) {
                <div class="wb-muted">{{ 'roles.' + alert.post | transloco }}</div>
              }
            </td>
            <td>{{ alert.holderName ?? ('supervision.unclaimed' | transloco) }}</td>
            <td>
              {{ alert.due ?? '—' }}
              @if (alert.provisional) {
                <span class="wb-provisional">{{ 'case.provisional' | transloco }}</span>
              }
              @if (alert.workingDays !== null) {
                <div class="wb-muted">
                  {{ (alert.level === 'red' ? 'supervision.daysOverdue' : 'supervision.daysLeft') | transloco: { days: alert.workingDays } }}
                </div>
              }
            </td>
            <td>
              {{ alert.raisedAt | date: instantFormat : offset }}
              @if (alert.resolvedAt) {
                <div class="wb-muted">{{ 'supervision.resolvedAt' | transloco: { at: (alert.resolvedAt | date: instantFormat : offset) } }}</div>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class AlertTableComponent {
  readonly alerts = input.required<readonly SupervisionAlertView[]>();
  readonly labelledBy = input<string | null>(null);
  readonly testId = input<string | null>(null);
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;

  /** The baseline rules have names in the translations; a centre's own rule shows its id. */
  protected ruleLabel(ruleId: string): string {
    return KNOWN_RULES.has(ruleId) ? `supervision.rule.${ruleId}` : ruleId;
  }
}

/** The province baseline rule ids (PROVINCE_BASELINE_RULES), named in the translation files. */
export const KNOWN_RULES: ReadonlySet<string> = new Set([
  'step-due-soon',
  'case-due-soon',
  'step-overdue',
  'case-overdue',
  'refused-without-reasons',
  'pre-review-undecided',
  'verification-overdue',
]);
