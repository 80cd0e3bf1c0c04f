import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CATALOGUE_CODE_TABLES } from '@zhengwu/catalogue/domain';
import type { CalendarView, DepartmentView, ItemGuide, ItemPage, ItemSearchQuery } from '@zhengwu/shared/contracts';
import { API_V1 } from '@zhengwu/web/shared/auth';
import { catchError, Observable, shareReplay, throwError } from 'rxjs';

/** `GET /catalogue/code-tables`: GB/T 39046 code tables with both labels. */
export type CatalogueCodeTables = typeof CATALOGUE_CODE_TABLES;

/** The query string of an item search; every field optional. */
export type ItemSearchParams = Partial<Pick<ItemSearchQuery, 'department' | 'q' | 'object' | 'caseType' | 'onlineApplicable' | 'page' | 'pageSize'>>;

export function centrePath(centreCode: string): string {
  return `${API_V1}/centres/${encodeURIComponent(centreCode)}`;
}

/** The public catalogue and calendar of the centres: no login needed. */
@Injectable({ providedIn: 'root' })
export class CatalogueApi {
  private readonly http = inject(HttpClient);
  private codeTablesCache: Observable<CatalogueCodeTables> | undefined;

  departments(centreCode: string): Observable<DepartmentView[]> {
    return this.http.get<DepartmentView[]>(`${centrePath(centreCode)}/departments`);
  }

  searchItems(centreCode: string, params: ItemSearchParams = {}): Observable<ItemPage> {
    return this.http.get<ItemPage>(`${centrePath(centreCode)}/items`, { params: queryParams(params) });
  }

  guide(centreCode: string, itemId: string): Observable<ItemGuide> {
    return this.http.get<ItemGuide>(`${centrePath(centreCode)}/items/${encodeURIComponent(itemId)}`);
  }

  /** Where a sample document (示范文本) is served, for viewing in the page and downloading. */
  sampleDocumentUrl(centreCode: string, sampleDocumentId: string): string {
    return `${centrePath(centreCode)}/sample-documents/${encodeURIComponent(sampleDocumentId)}`;
  }

  /** Fixed reference data: fetched once per page load (a failure is not cached). */
  codeTables(): Observable<CatalogueCodeTables> {
    this.codeTablesCache ??= this.http.get<CatalogueCodeTables>(`${API_V1}/catalogue/code-tables`).pipe(
      catchError((error: unknown) => {
        this.codeTablesCache = undefined;
        return throwError(() => error);
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.codeTablesCache;
  }

  /** Working days of a centre, both dates inclusive (`YYYY-MM-DD`, at most 366 days). */
  calendar(centreCode: string, from: string, to: string): Observable<CalendarView> {
    return this.http.get<CalendarView>(`${centrePath(centreCode)}/calendar`, { params: { from, to } });
  }
}

function queryParams(params: ItemSearchParams): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}
