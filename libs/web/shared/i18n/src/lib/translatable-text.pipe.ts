import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { localizedIn, Translatable } from './translatable';
import { UiLanguageService } from './ui-language.service';

/**
 * Renders a `Translatable` in the active language. Impure on purpose: it reads the language signal,
 * so the view re-renders it when the language changes (the signal only changes once the new
 * language's strings are loaded).
 */
@Pipe({ name: 'zwText', pure: false })
export class TranslatableTextPipe implements PipeTransform {
  private readonly language = inject(UiLanguageService);
  private readonly transloco = inject(TranslocoService);

  transform(value: Translatable | null | undefined): string {
    if (!value) return '';
    const language = this.language.current();
    return 'key' in value
      ? this.transloco.translate(value.key, value.params ?? {}, language)
      : localizedIn(value.localized, language);
  }
}
