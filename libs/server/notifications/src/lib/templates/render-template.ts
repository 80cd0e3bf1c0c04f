import type { LocalizedMessage, NotificationLocale } from '@zhengwu/shared/contracts';

export type TemplateLanguage = keyof LocalizedMessage;

export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * One notification in both languages. `variables` turns the typed parameters into the strings the
 * texts interpolate, per language (dates, lists and localized names read differently in each).
 */
export interface NotificationTemplate<P> {
  zh: TemplateText;
  en: TemplateText;
  variables(params: P, language: TemplateLanguage): Record<string, string>;
}

/** A template used with a missing or malformed parameter, or one naming a placeholder without a value: a bug. */
export class NotificationTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotificationTemplateError';
  }
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * `{name}` replaced by its value, in a single pass (a value containing braces is never expanded
 * again). No expressions, no evaluation; a placeholder without a value throws.
 */
export function interpolate(text: string, variables: Readonly<Record<string, string>>, where: string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined;
    if (value === undefined) {
      throw new NotificationTemplateError(`${where}: no value for {${name}}`);
    }
    return value;
  });
}

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

export function languageOf(locale: NotificationLocale): TemplateLanguage {
  return locale === 'en' ? 'en' : 'zh';
}

/* Parameter readers: each refuses a missing or malformed value with the parameter's name. */

export function textParam(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new NotificationTemplateError(`Parameter "${name}" must be a non-empty string`);
  }
  return value.trim();
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A calendar date `YYYY-MM-DD`, written as 2026年3月5日 or 5 March 2026. */
export function dateParam(value: unknown, name: string, language: TemplateLanguage): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new NotificationTemplateError(`Parameter "${name}" must be a date YYYY-MM-DD`);
  }
  return language === 'zh' ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

export function localizedParam(value: unknown, name: string, language: TemplateLanguage): string {
  const localized = value as Partial<LocalizedMessage> | null | undefined;
  return textParam(typeof localized === 'object' && localized !== null ? localized[language] : undefined, `${name}.${language}`);
}

export function listParam<T>(value: unknown, name: string): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new NotificationTemplateError(`Parameter "${name}" must be a non-empty list`);
  }
  return value as readonly T[];
}
