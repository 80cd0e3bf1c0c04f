import { EnvironmentProviders, importProvidersFrom } from '@angular/core';
import { Translation, TranslocoTestingModule } from '@jsverse/transloco';
import sharedEn from '../assets/i18n/en.json';
import sharedZh from '../assets/i18n/zh-CN.json';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES, UiLanguage } from './ui-language';

/**
 * Transloco for unit tests with the shared strings plus the given app strings preloaded, merged
 * like `HttpTranslationLoader` does (pass an app's real JSON files to assert on the text users
 * see). Test-only; tree-shaken out of app bundles.
 */
export function provideI18nTesting(appTranslations: Partial<Record<UiLanguage, Translation>> = {}): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: {
        'zh-CN': { ...sharedZh, ...appTranslations['zh-CN'] },
        en: { ...sharedEn, ...appTranslations.en },
      },
      translocoConfig: {
        availableLangs: [...UI_LANGUAGES],
        defaultLang: DEFAULT_UI_LANGUAGE,
        reRenderOnLangChange: true,
        missingHandler: { logMissingKey: false },
      },
      preloadLangs: true,
    }),
  );
}
