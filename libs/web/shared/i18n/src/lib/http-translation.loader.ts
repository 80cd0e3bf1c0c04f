import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { forkJoin, map, Observable } from 'rxjs';

/**
 * Loads `i18n/shared/<lang>.json` (strings of the shared web libraries, copied from
 * `libs/web/shared/i18n/src/assets/i18n` by each app's build) and `i18n/<lang>.json` (the app's own
 * strings) and merges them. The URLs are relative so that they resolve against `<base href>`: the
 * workbench lives under `/workbench/`.
 */
@Injectable({ providedIn: 'root' })
export class HttpTranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string): Observable<Translation> {
    return forkJoin([
      this.http.get<Translation>(`i18n/shared/${lang}.json`),
      this.http.get<Translation>(`i18n/${lang}.json`),
    ]).pipe(map(([shared, app]) => ({ ...shared, ...app })));
  }
}
