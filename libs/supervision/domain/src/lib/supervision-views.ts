import type { CentreDrift, Loosening } from './inheritance';
import type { AlertLevel, Recipient, SupervisionRule } from './rule';
import type { SubjectKind } from './evaluate';

/*
 * What the supervision API answers (JSON: instants as ISO strings, dates as YYYY-MM-DD). Kept here,
 * beside the rules, so the workbench reads the same shapes without importing server code.
 */

export type NoticeStatus = 'open' | 'responded' | 'closed';

export interface AlertView {
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

export interface BoardView {
  centreCode: string;
  asOf: string;
  /** Open cases (pre-review or accepted and not completed) by their highest open alert level. */
  counts: { open: number; normal: number; yellow: number; red: number };
  /** Open red alerts: overdue work. */
  overdue: AlertView[];
  /** Open yellow alerts without a red one on the same case: work due soon. */
  dueSoon: AlertView[];
  lastSweptAt: string | null;
}

export interface NoticeView {
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
  status: NoticeStatus;
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

export interface RulesView {
  centreCode: string;
  province: SupervisionRule[];
  local: SupervisionRule[];
  effective: SupervisionRule[];
  /** Stored overrides the province has since made looser than its own rule: ignored by the sweep. */
  loosenings: Loosening[];
}

export interface DriftReportView {
  provinceCentre: string;
  centres: CentreDrift[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface SweepReport {
  centres: number;
  skipped: number;
  evaluated: number;
  raised: number;
  notices: number;
  resolved: number;
  /** Events folded into the statistics counters. */
  folded: number;
}
