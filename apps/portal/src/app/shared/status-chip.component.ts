import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApplicationStatus } from '@zhengwu/approval/domain';
import type { LocalizedMessage } from '@zhengwu/shared/contracts';
import { LocalizedTextPipe } from '@zhengwu/web/shared/i18n';
import { statusTone } from './status-tone';

/**
 * The status of an application as a coloured chip with the server's label. Colour is never the
 * only signal: the tone is also said in words (visible for "your move", for screen readers always).
 */
@Component({
  selector: 'portal-status-chip',
  imports: [TranslocoPipe, LocalizedTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span [class]="'portal-chip portal-chip-' + tone()" [attr.data-status]="status()">
      @if (tone() === 'action') {
        <span class="portal-chip-mark" aria-hidden="true">!</span>
      }
      <span>{{ label() | zwLocalized }}</span>
      <span class="portal-visually-hidden">{{ 'status.tone.' + tone() | transloco }}</span>
    </span>
  `,
})
export class StatusChipComponent {
  readonly status = input.required<ApplicationStatus>();
  readonly label = input.required<LocalizedMessage>();
  protected readonly tone = computed(() => statusTone(this.status()));
}
