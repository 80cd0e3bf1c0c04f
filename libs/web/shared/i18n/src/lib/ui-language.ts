/** The UI languages. zh-CN is the default: the platform serves Chinese government service centres. */
export const UI_LANGUAGES = ['zh-CN', 'en'] as const;

export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const DEFAULT_UI_LANGUAGE: UiLanguage = 'zh-CN';

/** One key for both apps: they share an origin, and a person who chose English wants it everywhere. */
export const UI_LANGUAGE_STORAGE_KEY = 'zhengwu.uiLanguage';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}
