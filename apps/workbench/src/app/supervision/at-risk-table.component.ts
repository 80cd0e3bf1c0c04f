import { PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AtRiskStepView } from '@zhengwu/shared/contracts';
import { TranslatableTextPipe } from '@zhengwu/web/shared/i18n';

/**
 * Open steps predicted to breach their limit, before any alert: the case (a link to its timeline),
 * the step and its holder, the estimate with its band, and the model's own explanation of why.
 */
@Component({
  selector: 'wb-at-risk-table',
  imports: [PercentPipe, RouterLink, TranslocoPipe, TranslatableTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="wb-table" [attr.aria-labelledby]="labelledBy()" data-testid="at-risk-list">
      <thead>
        <tr>
          <th scope="col">{{ 'supervision.col.case' | transloco }}</th>
          <th scope="col">{{ 'supervision.risk.estimate' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.item' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.step' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.holder' | transloco }}</th>
          <th scope="col">{{ 'supervision.col.due' | transloco }}</th>
          <th scope="col">{{ 'supervision.risk.why' | transloco }}</th>
        </tr>
      </thead>
      <tbody>
        @for (step of steps(); track step.applicationId + ':' + step.stepSeq) {
          <tr [class]="'wb-risk-' + step.band">
            <td>
              <a [routerLink]="['/cases', step.applicationId]">{{ step.caseNumber ?? step.applicationId }}</a>
            </td>
            <td>
              <strong>{{ step.probability | percent: '1.0-0' }}</strong>
              <div class="wb-muted">{{ 'supervision.risk.band.' + step.band | transloco }}</div>
            </td>
            <td>{{ step.itemName }}</td>
            <td>
              {{ step.stepName }}
              <div class="wb-muted">{{ 'roles.' + step.post | transloco }}</div>
            </td>
            <td>{{ step.holderName ?? ('supervision.unclaimed' | transloco) }}</td>
            <td>
              {{ step.due }}
              <div class="wb-muted">{{ 'supervision.risk.used' | transloco: { used: step.elapsedWorkingDays, limit: step.limitWorkingDays, queue: step.queue } }}</div>
            </td>
            <td class="wb-risk-why">{{ { localized: step.explanation } | zwText }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class AtRiskTableComponent {
  readonly steps = input.required<readonly AtRiskStepView[]>();
  readonly labelledBy = input<string | null>(null);
}
