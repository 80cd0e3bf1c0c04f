import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ItemSummary } from '@zhengwu/shared/contracts';
import { CodeLabelPipe } from './directory';

/** One item in a result list: its guide link and the facts people choose by. */
@Component({
  selector: 'portal-item-summary',
  imports: [RouterLink, TranslocoPipe, CodeLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="portal-item-link" [routerLink]="['/centres', centreCode(), 'items', item().id]">{{ item().name }}</a>
    <span class="portal-item-facts">
      <span>{{ item().department.name }}</span>
      <span>{{ item().itemType | portalCode: 'itemTypes' }}</span>
      <span>{{ item().caseType | portalCode: 'caseTypes' }}</span>
      <span>{{ 'guide.promisedShort' | transloco: { value: item().promisedLimit.value, unit: (item().promisedLimit.unit | portalCode: 'limitUnits') } }}</span>
      @if (item().onlineApplicable) {
        <span class="portal-tag portal-tag-online">{{ 'guide.onlineApplicable' | transloco }}</span>
      } @else {
        <span class="portal-tag">{{ 'guide.notOnline' | transloco }}</span>
      }
    </span>
  `,
})
export class ItemSummaryComponent {
  readonly item = input.required<ItemSummary>();
  readonly centreCode = input.required<string>();
}
