import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  viewChild,
} from '@angular/core';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';

/**
 * The message of a failed form submission (server error or "please correct the fields"). It is an
 * alert (announced when it appears) and can take focus, so the page can move the user to it.
 */
@Component({
  selector: 'zw-form-error',
  imports: [TranslatableTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as text) {
      <div #box class="zw-form-error" role="alert" tabindex="-1">{{ text | zwText }}</div>
    }
  `,
  styles: `
    .zw-form-error {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 4px;
      border-inline-start: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class FormErrorComponent {
  readonly message = input<Translatable | null>(null);

  private readonly box = viewChild<ElementRef<HTMLElement>>('box');
  private readonly injector = inject(Injector);

  /** Focuses the message once it is rendered (call right after setting it). */
  focus(): void {
    afterNextRender(() => this.box()?.nativeElement.focus(), { injector: this.injector });
  }
}
