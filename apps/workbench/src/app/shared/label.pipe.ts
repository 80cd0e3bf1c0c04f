import { inject, Pipe, PipeTransform } from '@angular/core';
import { localizedIn, UiLanguageService } from '@zhengwu/web/shared/i18n';

/**
 * A `{ zh, en }` label from the domain vocabulary (STATUS_LABELS, DEFECT_KIND_LABELS, …) or an API
 * message, in the active language. Impure: it follows language switches.
 */
@Pipe({ name: 'wbLabel', pure: false })
export class LabelPipe implements PipeTransform {
  private readonly language = inject(UiLanguageService);

  transform(value: { zh: string; en: string } | null | undefined): string {
    return value ? localizedIn(value, this.language.current()) : '';
  }
}
