import type { AlertLevel, CentreDrift, Loosening, Recipient, RiskBand, RiskBasis, SubjectKind, SupervisionRule } from '@zhengwu/supervision/domain';

/*
 * What the supervision API answers (`/api/v1/centres/{centre}/supervision/…`; JSON: instants as ISO
 * strings, dates as YYYY-MM-DD). Here so the workbench reads the same shapes the server writes
 * without importing server code. The rule vocabulary itself (levels, scopes, triggers) is the
 * supervision domain's and is re-exported from ./supervision-vocabulary.
 */

export type SupervisionNoticeStatus = 'open' | 'responded' | 'closed';
export const SUPERVISION_NOTICE_STATUSES: readonly SupervisionNoticeStatus[] = ['open', 'responded', 'closed'];

export interface SupervisionAlertView {
  id: string;
  ruleId: string;
  level: AlertLevel;
  subjectKind: SubjectKind;
  applicationId: string | null;
  caseNumber: string | null;
  itemName: string | null;
  departmentName: string | null;
  stepSeq: number | null;
  stepName: string | null;
  post: string | null;
  due: string | null;
  workingDays: number | null;
  provisional: boolean;
  notify: Recipient[];
  holderId: string | null;
  holderName: string | null;
  raisedAt: string;
  resolvedAt: string | null;
}

export interface SupervisionBoardView {
  centreCode: string;
  asOf: string;
  /** When the counts, the totals and the risk list were counted: by the centre's last sweep. */
  countedAt: string;
  /** Open cases (pre-review or accepted and not completed) by their highest open alert level. */
  counts: { open: number; normal: number; yellow: number; red: number };
  /** How many open red alerts there are, and open yellow ones without a red one on the same case (the lists show the first 100). */
  overdueTotal: number;
  dueSoonTotal: number;
  /** Open red alerts: overdue work, most overdue first. */
  overdue: SupervisionAlertView[];
  /** Open yellow alerts without a red one on the same case: work due soon, soonest first. */
  dueSoon: SupervisionAlertView[];
  /**
   * Predicted overdue risk: open steps of cases without any open alert whose estimated chance of
   * breaching their limit is medium or high, highest first, so supervisors act before yellow.
   */
  atRisk: AtRiskStepView[];
  lastSweptAt: string | null;
}

/** An open step with its predicted chance of breaching the step's limit (an explainable estimate). */
export interface AtRiskStepView {
  applicationId: string;
  caseNumber: string | null;
  itemName: string;
  stepSeq: number;
  stepName: string;
  post: string;
  holderName: string | null;
  due: string;
  probability: number;
  band: RiskBand;
  elapsedWorkingDays: number;
  limitWorkingDays: number;
  /** Other steps waiting at the same post now. */
  queue: number;
  basis: RiskBasis[];
  explanation: { zh: string; en: string };
}

/** A 督办 notice: addressed to the responsible department, answered by it, closed by a supervisor. */
export interface SupervisionNoticeView {
  id: string;
  alertId: string;
  ruleId: string;
  caseNumber: string | null;
  applicationId: string | null;
  departmentId: string | null;
  departmentName: string;
  issuedAt: string;
  responseWorkingDays: number;
  responseDue: string;
  responseDueProvisional: boolean;
  status: SupervisionNoticeStatus;
  response: string | null;
  respondedAt: string | null;
  respondedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  closingComment: string | null;
}

export interface AccountabilityRecordView {
  id: string;
  alertId: string;
  noticeId: string | null;
  ruleId: string;
  level: AlertLevel;
  caseNumber: string | null;
  applicationId: string | null;
  stepSeq: number | null;
  stepName: string | null;
  post: string | null;
  departmentName: string | null;
  /** Who held the work when the alert was raised (null: nobody had claimed it; the post answers). */
  holderId: string | null;
  holderName: string | null;
  due: string | null;
  workingDays: number | null;
  recordedAt: string;
}

export interface SupervisionRulesView {
  centreCode: string;
  province: SupervisionRule[];
  local: SupervisionRule[];
  effective: SupervisionRule[];
  /** Stored overrides the province has since made looser than its own rule: ignored by the sweep. */
  loosenings: Loosening[];
}

export interface RuleDriftReportView {
  provinceCentre: string;
  centres: CentreDrift[];
}

export interface SupervisionPage<T> {
  items: T[];
  total: number;
}
