import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { UI_LANGUAGES, UiLanguage, UiLanguageService } from '@zhengwu/web/shared/i18n';

/**
 * 中文 | English: two toggle buttons (`aria-pressed`). Each language is named in itself and marked
 * with its `lang`, so people who cannot read the current language still find theirs. Plain buttons
 * rather than MatButtonToggle, which would pull @angular/forms into every app's initial bundle.
 */
@Component({
  selector: 'zw-language-switch',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="zw-language-switch" role="group" [attr.aria-label]="'language.label' | transloco">
      @for (option of languages; track option) {
        <button
          mat-button
          type="button"
          [attr.lang]="option"
          [attr.aria-pressed]="language.current() === option"
          [class.zw-language-current]="language.current() === option"
          (click)="choose(option)"
        >
          {{ 'language.names.' + option | transloco }}
        </button>
      }
    </div>
  `,
  styles: `
    .zw-language-switch {
      display: inline-flex;
      gap: 2px;
    }

    .zw-language-current {
      font-weight: 700;
      text-decoration: underline;
      text-underline-offset: 6px;
    }
  `,
})
export class LanguageSwitchComponent {
  protected readonly language = inject(UiLanguageService);
  protected readonly languages = UI_LANGUAGES;

  protected choose(option: UiLanguage): void {
    if (option !== this.language.current()) void this.language.use(option);
  }
}
