import { EnvironmentProviders, inject, isDevMode, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { HttpTranslationLoader } from './http-translation.loader';
import { APP_TITLE_KEY, TranslatedTitleStrategy } from './translated-title.strategy';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES } from './ui-language';
import { UiLanguageService } from './ui-language.service';

export interface ZhengwuI18nOptions {
  /** Key of the application name used in document titles; `app.title` by default. */
  appTitleKey?: string;
}

/**
 * Transloco with zh-CN (default) and English loaded over HTTP from the app's `i18n/` assets, the
 * remembered language applied before the first render, and translated page titles (route `title`
 * values are keys). Needs `provideHttpClient()` and `provideRouter()`.
 */
export function provideZhengwuI18n(options: ZhengwuI18nOptions = {}): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...UI_LANGUAGES],
        defaultLang: DEFAULT_UI_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        // Both files have the same keys (a test per app checks it), so a missing key is a bug to
        // see, not to paper over with the other language.
        missingHandler: { useFallbackTranslation: false, logMissingKey: true },
      },
      loader: HttpTranslationLoader,
    }),
    provideAppInitializer(() => inject(UiLanguageService).init()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    { provide: APP_TITLE_KEY, useValue: options.appTitleKey ?? 'app.title' },
  ]);
}
