import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AccountabilityListQuery,
  AccountabilityRecordView,
  ChainVerificationView,
  CloseSupervisionNoticeBody,
  DepartmentHeadsView,
  MyAlertView,
  PutDepartmentHeadsBody,
  PutSupervisionRuleBody,
  RectificationActionRequest,
  RectificationCaseView,
  RectificationStatus,
  RectificationView,
  RespondToSupervisionNoticeBody,
  RuleDriftReportView,
  StatisticsView,
  SupervisionAlertsQuery,
  SupervisionAlertView,
  SupervisionBoardView,
  SupervisionNoticesQuery,
  SupervisionNoticeView,
  SupervisionPage,
  SupervisionRulesView,
  SupervisionStatisticsQuery,
} from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { centrePath, queryOf } from './centre-path';

/**
 * Electronic supervision (电子监察) of one centre: the live board, alerts, 督办 notices,
 * accountability records, rules and statistics (`…/supervision/…`), the rectifications opened by
 * bad ratings, and the check of the centre's event chain.
 */
@Injectable({ providedIn: 'root' })
export class SupervisionApi {
  private readonly http = inject(HttpClient);

  private base(centreCode: string): string {
    return `${centrePath(centreCode)}/supervision`;
  }

  board(centreCode: string): Observable<SupervisionBoardView> {
    return this.http.get<SupervisionBoardView>(`${this.base(centreCode)}/board`);
  }

  alerts(centreCode: string, query: SupervisionAlertsQuery = {}): Observable<SupervisionPage<SupervisionAlertView>> {
    return this.http.get<SupervisionPage<SupervisionAlertView>>(`${this.base(centreCode)}/alerts`, { params: queryOf({ ...query }) });
  }

  notices(centreCode: string, query: SupervisionNoticesQuery = {}): Observable<SupervisionPage<SupervisionNoticeView>> {
    return this.http.get<SupervisionPage<SupervisionNoticeView>>(`${this.base(centreCode)}/notices`, { params: queryOf({ ...query }) });
  }

  /** The notices to answer, for staff who handle steps (the departments); supervisors use `notices`. */
  departmentNotices(centreCode: string, query: SupervisionNoticesQuery = {}): Observable<SupervisionPage<SupervisionNoticeView>> {
    return this.http.get<SupervisionPage<SupervisionNoticeView>>(`${this.base(centreCode)}/department-notices`, { params: queryOf({ ...query }) });
  }

  /** The open alerts a rule addresses to the caller (handler of the work or head of its department), red first. */
  myAlerts(centreCode: string, query: { limit?: number; offset?: number } = {}): Observable<SupervisionPage<MyAlertView>> {
    return this.http.get<SupervisionPage<MyAlertView>>(`${this.base(centreCode)}/my-alerts`, { params: queryOf({ ...query }) });
  }

  /** Every department of the centre with its heads (the centre admin's `staff:manage`). */
  departmentHeads(centreCode: string): Observable<DepartmentHeadsView> {
    return this.http.get<DepartmentHeadsView>(`${this.base(centreCode)}/department-heads`);
  }

  /** Makes `body.staffIds` the department's heads (empty: none); answers with every department again. */
  putDepartmentHeads(centreCode: string, departmentId: string, body: PutDepartmentHeadsBody): Observable<DepartmentHeadsView> {
    return this.http.put<DepartmentHeadsView>(`${this.base(centreCode)}/department-heads/${encodeURIComponent(departmentId)}`, body);
  }

  respondToNotice(centreCode: string, noticeId: string, body: RespondToSupervisionNoticeBody): Observable<SupervisionNoticeView> {
    return this.http.post<SupervisionNoticeView>(`${this.base(centreCode)}/notices/${encodeURIComponent(noticeId)}/response`, body);
  }

  closeNotice(centreCode: string, noticeId: string, body: CloseSupervisionNoticeBody): Observable<SupervisionNoticeView> {
    return this.http.post<SupervisionNoticeView>(`${this.base(centreCode)}/notices/${encodeURIComponent(noticeId)}/close`, body);
  }

  accountability(centreCode: string, query: AccountabilityListQuery = {}): Observable<SupervisionPage<AccountabilityRecordView>> {
    return this.http.get<SupervisionPage<AccountabilityRecordView>>(`${this.base(centreCode)}/accountability`, { params: queryOf({ ...query }) });
  }

  rules(centreCode: string): Observable<SupervisionRulesView> {
    return this.http.get<SupervisionRulesView>(`${this.base(centreCode)}/rules`);
  }

  putRule(centreCode: string, ruleId: string, body: PutSupervisionRuleBody): Observable<SupervisionRulesView> {
    return this.http.put<SupervisionRulesView>(`${this.base(centreCode)}/rules/${encodeURIComponent(ruleId)}`, body);
  }

  removeRule(centreCode: string, ruleId: string): Observable<SupervisionRulesView> {
    return this.http.delete<SupervisionRulesView>(`${this.base(centreCode)}/rules/${encodeURIComponent(ruleId)}`);
  }

  drift(centreCode: string): Observable<RuleDriftReportView> {
    return this.http.get<RuleDriftReportView>(`${this.base(centreCode)}/rules/drift`);
  }

  statistics(centreCode: string, query: SupervisionStatisticsQuery): Observable<StatisticsView> {
    return this.http.get<StatisticsView>(`${this.base(centreCode)}/statistics`, { params: queryOf({ ...query }) });
  }

  rectifications(centreCode: string): Observable<RectificationView[]> {
    return this.http.get<RectificationView[]>(`${centrePath(centreCode)}/rectifications`);
  }

  /** Every rectification case (or those in the statuses), with the actions open on each. */
  rectificationCases(centreCode: string, statuses: readonly RectificationStatus[] = []): Observable<RectificationCaseView[]> {
    return this.http.get<RectificationCaseView[]>(`${centrePath(centreCode)}/rectification-cases`, { params: queryOf({ status: statuses }) });
  }

  actOnRectification(centreCode: string, id: string, body: RectificationActionRequest): Observable<RectificationCaseView> {
    return this.http.post<RectificationCaseView>(`${centrePath(centreCode)}/rectification-cases/${encodeURIComponent(id)}/actions`, body);
  }

  verifyEventChain(centreCode: string): Observable<ChainVerificationView> {
    return this.http.get<ChainVerificationView>(`${centrePath(centreCode)}/events/verification`);
  }
}
