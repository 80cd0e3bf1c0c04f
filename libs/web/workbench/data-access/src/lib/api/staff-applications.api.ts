import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { StepPost } from '@zhengwu/approval/domain';
import type {
  AcceptRequest,
  ApplicationSummary,
  ApplicationView,
  AssignStepRequest,
  CompleteRequest,
  NotAcceptRequest,
  OverrideReturnRequest,
  PageOf,
  ReasonedTransitionRequest,
  ReturnWithNoticeRequest,
  StartSpecialProcedureRequest,
  TransitionRequest,
} from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { centrePath, queryOf } from './centre-path';

export interface InboxFilter {
  post?: StepPost;
  /** Status codes. */
  status?: readonly number[];
  itemId?: string;
  /** Due within this many working days (overdue ones included). */
  dueWithin?: number;
  overdue?: boolean;
  mine?: boolean;
  page: number;
  pageSize: number;
}

/** The request body of each staff action on one application (each carries the version seen). */
export interface StaffActionBodies {
  accept: AcceptRequest;
  return_with_notice: ReturnWithNoticeRequest;
  return_with_override: OverrideReturnRequest;
  not_accept: NotAcceptRequest;
  claim: TransitionRequest;
  assign: AssignStepRequest;
  pass_step: TransitionRequest;
  return_step: ReasonedTransitionRequest;
  start_special_procedure: StartSpecialProcedureRequest;
  end_special_procedure: TransitionRequest;
  approve: TransitionRequest;
  deny: ReasonedTransitionRequest;
  extend: ReasonedTransitionRequest;
  complete: CompleteRequest;
  terminate: ReasonedTransitionRequest;
  confirm_paper_arrival: Record<string, never>;
}

export type StaffAction = keyof StaffActionBodies;

/** Where each action is posted, under `…/applications/:id/`. */
export const STAFF_ACTION_PATHS: Readonly<Record<StaffAction, string>> = {
  accept: 'pre-review/accept',
  return_with_notice: 'pre-review/return',
  return_with_override: 'pre-review/return-with-override',
  not_accept: 'pre-review/not-accept',
  claim: 'steps/claim',
  assign: 'steps/assign',
  pass_step: 'steps/pass',
  return_step: 'steps/return',
  start_special_procedure: 'special-procedures',
  end_special_procedure: 'special-procedures/end',
  approve: 'decision/approve',
  deny: 'decision/deny',
  extend: 'extension',
  complete: 'complete',
  terminate: 'terminate',
  confirm_paper_arrival: 'originals/arrival',
};

/** Staff side of applications: the inbox, one application, its materials and every action on it. */
@Injectable({ providedIn: 'root' })
export class StaffApplicationsApi {
  private readonly http = inject(HttpClient);

  inbox(centreCode: string, filter: InboxFilter): Observable<PageOf<ApplicationSummary>> {
    return this.http.get<PageOf<ApplicationSummary>>(`${centrePath(centreCode)}/inbox`, {
      params: queryOf({
        post: filter.post,
        status: filter.status,
        itemId: filter.itemId,
        dueWithin: filter.dueWithin,
        overdue: filter.overdue || undefined,
        mine: filter.mine || undefined,
        page: filter.page,
        pageSize: filter.pageSize,
      }),
    });
  }

  view(centreCode: string, id: string): Observable<ApplicationView> {
    return this.http.get<ApplicationView>(this.applicationPath(centreCode, id));
  }

  /** One uploaded version of a material, as a blob to show in the page. */
  material(centreCode: string, id: string, materialCode: string, version: number): Observable<Blob> {
    return this.http.get(`${this.applicationPath(centreCode, id)}/materials/${encodeURIComponent(materialCode)}/versions/${version}`, {
      responseType: 'blob',
    });
  }

  perform<A extends StaffAction>(centreCode: string, id: string, action: A, body: StaffActionBodies[A]): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${this.applicationPath(centreCode, id)}/${STAFF_ACTION_PATHS[action]}`, body);
  }

  /** `GET …/applications/:id/live` (server-sent events); see `LiveApplicationService`. */
  livePath(centreCode: string, id: string): string {
    return `${this.applicationPath(centreCode, id)}/live`;
  }

  private applicationPath(centreCode: string, id: string): string {
    return `${centrePath(centreCode)}/applications/${encodeURIComponent(id)}`;
  }
}
