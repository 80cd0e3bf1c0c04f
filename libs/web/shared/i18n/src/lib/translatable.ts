import { UiLanguage } from './ui-language';

/** Text the server sent in both UI languages (the shape of `LocalizedMessage` in the contracts). */
export interface LocalizedText {
  zh: string;
  en: string;
}

/**
 * Text to show later in whatever language is active then: a key of the translation files, or a
 * server message in both languages. Kept unresolved so that a language switch re-renders it.
 */
export type Translatable = { key: string; params?: Record<string, unknown> } | { localized: LocalizedText };

export function localizedIn(text: LocalizedText, language: UiLanguage): string {
  return language === 'en' ? text.en : text.zh;
}
