import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, UI_LANGUAGE_STORAGE_KEY, UiLanguage } from './ui-language';

/**
 * The active UI language: remembered in localStorage, mirrored to `<html lang>` and Transloco.
 * A new language becomes active only once its strings are loaded, so a switch never shows keys.
 */
@Injectable({ providedIn: 'root' })
export class UiLanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly currentLanguage = signal<UiLanguage>(DEFAULT_UI_LANGUAGE);

  readonly current = this.currentLanguage.asReadonly();

  /** Applies the remembered language (zh-CN when none) before the first render. */
  init(): Promise<void> {
    return this.activate(this.remembered() ?? DEFAULT_UI_LANGUAGE);
  }

  use(language: UiLanguage): Promise<void> {
    try {
      this.document.defaultView?.localStorage.setItem(UI_LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage may be disabled (privacy mode, policy); the choice then lasts for this page only.
    }
    return this.activate(language);
  }

  private async activate(language: UiLanguage): Promise<void> {
    try {
      await firstValueFrom(this.transloco.load(language));
    } catch {
      // Transloco already retried. Switch anyway rather than leave the page in limbo (or blank at
      // start-up): the page shows keys, and the next switch tries again.
    }
    this.transloco.setActiveLang(language);
    this.document.documentElement.lang = language;
    this.currentLanguage.set(language);
  }

  private remembered(): UiLanguage | null {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(UI_LANGUAGE_STORAGE_KEY);
      return isUiLanguage(stored) ? stored : null;
    } catch {
      return null;
    }
  }
}
