import { HttpClient, HttpEvent, HttpEventType } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApplicationView,
  CreateApplicationRequest,
  PublicCaseView,
  RateRequest,
  RatingView,
  UpdateApplicationRequest,
} from '@zhengwu/shared/contracts';
import { API_V1 } from '@zhengwu/web/shared/auth';
import { filter, map, Observable } from 'rxjs';
import { centrePath } from './catalogue.api';

/** Progress of one material upload, then the application as it is with the new version. */
export type UploadEvent =
  | { kind: 'progress'; loaded: number; total: number | null; percent: number | null }
  | { kind: 'done'; view: ApplicationView };

/** HttpClient's events of an upload as progress and result; other events (sent, headers) are dropped. */
export function toUploadEvent(event: HttpEvent<ApplicationView>): UploadEvent | null {
  switch (event.type) {
    case HttpEventType.UploadProgress: {
      const total = event.total ?? null;
      const percent = total ? Math.min(100, Math.floor((event.loaded / total) * 100)) : null;
      return { kind: 'progress', loaded: event.loaded, total, percent };
    }
    case HttpEventType.Response:
      return event.body ? { kind: 'done', view: event.body } : null;
    default:
      return null;
  }
}

export function applicationPath(centreCode: string, applicationId: string): string {
  return `${centrePath(centreCode)}/applications/${encodeURIComponent(applicationId)}`;
}

/**
 * The applicant's side of `libs/approval/feature-api`: drafts, materials, submission, withdrawal,
 * ratings, the list of my applications and the public lookup. The auth interceptor adds the token.
 */
@Injectable({ providedIn: 'root' })
export class ApplicationsApi {
  private readonly http = inject(HttpClient);

  create(centreCode: string, request: CreateApplicationRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${centrePath(centreCode)}/applications`, request);
  }

  view(centreCode: string, applicationId: string): Observable<ApplicationView> {
    return this.http.get<ApplicationView>(applicationPath(centreCode, applicationId));
  }

  update(centreCode: string, applicationId: string, request: UpdateApplicationRequest): Observable<ApplicationView> {
    return this.http.patch<ApplicationView>(applicationPath(centreCode, applicationId), request);
  }

  /**
   * Uploads one material (multipart, field `file`) with upload progress. Needs the XHR backend:
   * `fetch` cannot report upload progress, so the app must not use `withFetch()`.
   * Unsubscribing aborts the upload.
   */
  uploadMaterial(centreCode: string, applicationId: string, materialCode: string, file: File): Observable<UploadEvent> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .put<ApplicationView>(`${applicationPath(centreCode, applicationId)}/materials/${encodeURIComponent(materialCode)}`, body, {
        observe: 'events',
        reportProgress: true,
      })
      .pipe(
        map(toUploadEvent),
        filter((event): event is UploadEvent => event !== null),
      );
  }

  /** One uploaded version, for the applicant to check what they sent (needs the token: not a plain link). */
  downloadMaterial(centreCode: string, applicationId: string, materialCode: string, version: number): Observable<Blob> {
    return this.http.get(
      `${applicationPath(centreCode, applicationId)}/materials/${encodeURIComponent(materialCode)}/versions/${version}`,
      { responseType: 'blob' },
    );
  }

  /** Submit or resubmit. Pass the same key for every attempt of one intent (see `SubmitIntents`). */
  submit(centreCode: string, applicationId: string, idempotencyKey: string): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${applicationPath(centreCode, applicationId)}/submit`, null, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  /** The body of `WithdrawRequest` (declared in the approval feature, not in the shared contracts). */
  withdraw(centreCode: string, applicationId: string, reason?: string): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${applicationPath(centreCode, applicationId)}/withdraw`, reason ? { reason } : {});
  }

  rate(centreCode: string, applicationId: string, request: RateRequest): Observable<RatingView> {
    return this.http.post<RatingView>(`${applicationPath(centreCode, applicationId)}/ratings`, request);
  }

  /** Anyone with the case number and its query code: no personal data in the answer. */
  publicLookup(caseNumber: string, queryCode: string): Observable<PublicCaseView> {
    return this.http.get<PublicCaseView>(`${API_V1}/public/cases/${encodeURIComponent(caseNumber)}`, { params: { queryCode } });
  }
}
