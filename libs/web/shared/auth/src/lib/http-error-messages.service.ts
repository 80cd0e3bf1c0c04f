import { inject, Injectable } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { localizedIn, Translatable, UiLanguageService } from '@zhengwu/web/shared/i18n';
import { describeHttpError } from './http-error';

/**
 * Plain text for a failed request in the current language, for places that take a string (snack
 * bars, `aria-live` announcements). Templates should keep the `Translatable` from
 * `describeHttpError` and render it with `zwText`, so that it follows language switches.
 */
@Injectable({ providedIn: 'root' })
export class HttpErrorMessages {
  private readonly language = inject(UiLanguageService);
  private readonly transloco = inject(TranslocoService);

  textOf(error: unknown): string {
    return this.text(describeHttpError(error).message);
  }

  text(message: Translatable): string {
    const language = this.language.current();
    return 'key' in message
      ? this.transloco.translate(message.key, message.params ?? {}, language)
      : localizedIn(message.localized, language);
  }
}
