import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CentreSummary, DivisionView } from '@zhengwu/shared/contracts';
import { catchError, Observable, shareReplay, throwError } from 'rxjs';
import { API_V1 } from '../api-paths';

/**
 * `GET /centres` (public): every centre with code, name, level and parent. The list changes with
 * administrative divisions, i.e. rarely, so one fetch per page load serves every caller; a failed
 * fetch is not cached, so the next call retries.
 */
@Injectable({ providedIn: 'root' })
export class CentresApi {
  private readonly http = inject(HttpClient);
  private cached: Observable<readonly CentreSummary[]> | undefined;

  list(): Observable<readonly CentreSummary[]> {
    this.cached ??= this.http.get<CentreSummary[]>(`${API_V1}/centres`).pipe(
      catchError((error: unknown) => {
        this.cached = undefined;
        return throwError(() => error);
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.cached;
  }

  /**
   * `GET /divisions/:code` (public): a GB/T 2260 code resolved to the division in force today
   * (`current`), e.g. an identity number issued under a code that was later replaced.
   */
  division(code: string): Observable<DivisionView> {
    return this.http.get<DivisionView>(`${API_V1}/divisions/${encodeURIComponent(code)}`);
  }
}
