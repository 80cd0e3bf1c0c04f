import { inject, Injectable, InjectionToken } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest, of, switchMap } from 'rxjs';

/** Translation key of the application name, appended to every page title. */
export const APP_TITLE_KEY = new InjectionToken<string>('APP_TITLE_KEY', { factory: () => 'app.title' });

/**
 * Route `title`s are translation keys. The document title is "<page> - <app>" in the active
 * language, and follows language switches without a navigation.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly appTitleKey = inject(APP_TITLE_KEY);
  private readonly pageKey = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    // Lives as long as the application (a root singleton), so the subscription is never ended.
    this.pageKey
      .pipe(
        switchMap((key) =>
          combineLatest([
            key ? this.transloco.selectTranslate<string>(key) : of(''),
            this.transloco.selectTranslate<string>(this.appTitleKey),
          ]),
        ),
      )
      .subscribe(([page, app]) => this.title.setTitle(page ? `${page} - ${app}` : app));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.next(this.buildTitle(snapshot));
  }
}
