import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { isUiLanguage, UI_LANGUAGES, UiLanguageService } from '@zhengwu/web/shared/i18n';

/**
 * 中文 | English toggle. Each language is named in itself (and marked with its `lang`), so people
 * who cannot read the current language still find theirs.
 */
@Component({
  selector: 'zw-language-switch',
  imports: [MatButtonToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      class="zw-language-switch"
      hideSingleSelectionIndicator
      [attr.aria-label]="'language.label' | transloco"
      [value]="language.current()"
      (change)="choose($event.value)"
    >
      @for (option of languages; track option) {
        <mat-button-toggle [value]="option" [attr.lang]="option">{{ 'language.names.' + option | transloco }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
})
export class LanguageSwitchComponent {
  protected readonly language = inject(UiLanguageService);
  protected readonly languages = UI_LANGUAGES;

  protected choose(value: unknown): void {
    if (isUiLanguage(value)) void this.language.use(value);
  }
}
