import { inject, Pipe, PipeTransform } from '@angular/core';
import { LocalizedText, localizedIn } from './translatable';
import { UiLanguageService } from './ui-language.service';

/** Every date the platform shows is a date in China, wherever the browser is. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

export type LocalDateStyle = 'date' | 'dateTime' | 'time';

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats an ISO instant (`2026-11-27T01:05:00.000Z`) or a civil date (`2026-12-11`, e.g. a
 * deadline) in the active language. A civil date is a day in China, so it is never shifted by
 * the browser's time zone.
 */
export function formatLocalDate(value: string | null | undefined, language: string, style: LocalDateStyle = 'dateTime'): string {
  if (!value) return '';
  const civil = CIVIL_DATE.test(value);
  const date = new Date(civil ? `${value}T12:00:00+08:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions =
    style === 'date' || civil
      ? { dateStyle: 'medium', timeZone: DISPLAY_TIME_ZONE }
      : style === 'time'
        ? { timeStyle: 'short', timeZone: DISPLAY_TIME_ZONE }
        : { dateStyle: 'medium', timeStyle: 'short', timeZone: DISPLAY_TIME_ZONE };
  return new Intl.DateTimeFormat(language, options).format(date);
}

/** `{{ view.submittedAt | zwDate }}`, `{{ due | zwDate: 'date' }}`; follows language switches. */
@Pipe({ name: 'zwDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly language = inject(UiLanguageService);

  transform(value: string | null | undefined, style: LocalDateStyle = 'dateTime'): string {
    return formatLocalDate(value, this.language.current(), style);
  }
}

/** Server text in both languages (`statusLabel`, notification subjects) in the active one. */
@Pipe({ name: 'zwLocalized', pure: false })
export class LocalizedTextPipe implements PipeTransform {
  private readonly language = inject(UiLanguageService);

  transform(value: LocalizedText | null | undefined): string {
    return value ? localizedIn(value, this.language.current()) : '';
  }
}
