import { HttpClient, HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CounterIntakeStatus,
  CounterIntakeView,
  CreateCounterIntakeRequest,
  ForwardCounterIntakeRequest,
  PageOf,
} from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { centrePath, queryOf } from './centre-path';

/** What the clerk states with a scan: the material as the item's guide names and counts it. */
export interface CounterScanDetails {
  name?: string;
  originalCount?: number;
  copyCount?: number;
}

/**
 * Counter intake (窗口代收): a window clerk files for a walk-in applicant, for an item of this
 * centre or of any other; the intake is forwarded to the item's centre, which reports its status
 * back to this counter.
 */
@Injectable({ providedIn: 'root' })
export class CounterIntakesApi {
  private readonly http = inject(HttpClient);

  list(centreCode: string, status: CounterIntakeStatus | null, page: number, pageSize: number): Observable<PageOf<CounterIntakeView>> {
    return this.http.get<PageOf<CounterIntakeView>>(this.basePath(centreCode), { params: queryOf({ status, page, pageSize }) });
  }

  view(centreCode: string, id: string): Observable<CounterIntakeView> {
    return this.http.get<CounterIntakeView>(this.intakePath(centreCode, id));
  }

  create(centreCode: string, request: CreateCounterIntakeRequest): Observable<CounterIntakeView> {
    return this.http.post<CounterIntakeView>(this.basePath(centreCode), request);
  }

  /** One scan (multipart field `file`), with upload progress; a rescan becomes a new version. */
  scan(centreCode: string, id: string, materialCode: string, file: File, details: CounterScanDetails): Observable<HttpEvent<CounterIntakeView>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.put<CounterIntakeView>(`${this.intakePath(centreCode, id)}/materials/${encodeURIComponent(materialCode)}`, body, {
      params: queryOf({ name: details.name, originalCount: details.originalCount, copyCount: details.copyCount }),
      reportProgress: true,
      observe: 'events',
    });
  }

  /** One scan as a blob, to show beside the paper original. */
  scanFile(centreCode: string, id: string, materialCode: string, version: number): Observable<Blob> {
    return this.http.get(`${this.intakePath(centreCode, id)}/materials/${encodeURIComponent(materialCode)}/versions/${version}`, {
      responseType: 'blob',
    });
  }

  forward(centreCode: string, id: string, request: ForwardCounterIntakeRequest): Observable<CounterIntakeView> {
    return this.http.post<CounterIntakeView>(`${this.intakePath(centreCode, id)}/forward`, request);
  }

  /** Returned with a one-time notice: the rescanned materials, originals checked again (代收补正). */
  supplement(centreCode: string, id: string, request: ForwardCounterIntakeRequest): Observable<CounterIntakeView> {
    return this.http.post<CounterIntakeView>(`${this.intakePath(centreCode, id)}/supplement`, request);
  }

  private basePath(centreCode: string): string {
    return `${centrePath(centreCode)}/counter-intakes`;
  }

  private intakePath(centreCode: string, id: string): string {
    return `${this.basePath(centreCode)}/${encodeURIComponent(id)}`;
  }
}
