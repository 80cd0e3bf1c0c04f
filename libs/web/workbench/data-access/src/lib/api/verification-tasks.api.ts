import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CompleteVerificationRequest, PageOf, VerificationTaskView } from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { centrePath, queryOf } from './centre-path';

export type VerificationTaskStatus = VerificationTaskView['status'];

/** The originals check queue (原件核验) of the window clerks' centre. */
@Injectable({ providedIn: 'root' })
export class VerificationTasksApi {
  private readonly http = inject(HttpClient);

  list(centreCode: string, status: VerificationTaskStatus, page: number, pageSize: number): Observable<PageOf<VerificationTaskView>> {
    return this.http.get<PageOf<VerificationTaskView>>(`${centrePath(centreCode)}/verification-tasks`, {
      params: queryOf({ status, page, pageSize }),
    });
  }

  view(centreCode: string, taskId: string): Observable<VerificationTaskView> {
    return this.http.get<VerificationTaskView>(this.taskPath(centreCode, taskId));
  }

  /** An uploaded copy from the manifest, by its SHA-256. */
  copy(centreCode: string, taskId: string, sha256: string): Observable<Blob> {
    return this.http.get(`${this.taskPath(centreCode, taskId)}/copies/${sha256}`, { responseType: 'blob' });
  }

  complete(centreCode: string, taskId: string, request: CompleteVerificationRequest): Observable<VerificationTaskView> {
    return this.http.post<VerificationTaskView>(`${this.taskPath(centreCode, taskId)}/complete`, request);
  }

  private taskPath(centreCode: string, taskId: string): string {
    return `${centrePath(centreCode)}/verification-tasks/${encodeURIComponent(taskId)}`;
  }
}
