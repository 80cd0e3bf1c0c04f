import type {
  ApplicationStatus,
  CaseType,
  ClockState,
  DefectKind,
  DeliveryMode,
  ResultType,
  SpecialProcedureKind,
  SupervisionLevel,
} from '@zhengwu/approval/domain';
import type { LocalizedMessage } from '../errors/error-body';
import type { OriginalsCheckView } from './originals.dto';

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MaterialVersionView {
  version: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: 'applicant' | 'staff';
}

export interface ApplicationMaterialView {
  code: string;
  name: string;
  required: boolean;
  originalCount: number;
  copyCount: number;
  deferrable: boolean;
  sampleDocumentId: string | null;
  versions: MaterialVersionView[];
}

export interface DefectView {
  materialCode: string;
  materialName: string;
  kind: DefectKind;
  explanation: string;
  sampleDocumentId: string | null;
}

export interface NoticeView {
  seq: number;
  sentAt: string;
  defects: DefectView[];
  /** Set when a supervisor overrode the one-time rule (行政许可法 §32); staff views only. */
  override?: { reason: string; by: string };
}

export interface TimelineEntry {
  seq: number;
  position: number;
  code: string;
  name: string;
  post: 'window_clerk' | 'reviewer' | 'approver';
  /** Masked for applicants (李**), full for staff. */
  handler: string | null;
  assignee?: string | null;
  startedAt: string;
  due: string | null;
  dueProvisional: boolean;
  finishedAt: string | null;
  outcome: 'passed' | 'returned' | 'approved' | 'denied' | 'withdrawn' | 'terminated' | null;
  comment?: string | null;
  rated: boolean;
}

export interface PauseView {
  kind: SpecialProcedureKind;
  reason: string;
  startedAt: string;
  capWorkingDays: number;
  resumeBy: string | null;
  endedAt: string | null;
}

export interface DeadlineView {
  promisedDue: string | null;
  legalDue: string | null;
  /** A deadline in a year whose official holiday schedule is not yet published. */
  provisional: boolean;
  extensionWorkingDays: number;
}

export interface ApplicationView {
  id: string;
  version: number;
  centreCode: string;
  receivingCentre: string;
  verificationCentre: string | null;
  caseNumber: string | null;
  /** Shown to the applicant only, for public lookup. */
  queryCode?: string | null;
  item: { id: string; name: string; departmentName: string; caseType: CaseType; itemTypeCode: string };
  applicant: { kind: 'natural_person' | 'legal_person'; name: string; identityMasked: string };
  status: ApplicationStatus;
  statusLabel: LocalizedMessage;
  clockState: ClockState;
  pause: PauseView | null;
  supervisionLevel: SupervisionLevel;
  resultType: ResultType | null;
  deliveryMode: DeliveryMode;
  originalsCheckRequired: boolean;
  originalsVerified: boolean;
  /** Where the paper originals are checked and how each check went. */
  originalsChecks: OriginalsCheckView[];
  deadlines: DeadlineView;
  currentStep: { position: number; name: string; post: string; due: string | null; assignee: string | null } | null;
  timeline: TimelineEntry[];
  pauses: PauseView[];
  notices: NoticeView[];
  materials: ApplicationMaterialView[];
  /** Materials that may still receive defects under the one-time rule, and why (staff views). */
  noticeLocks?: Array<{ materialCode: string; open: boolean; reason: string }>;
  allowedActions: string[];
  formData: Record<string, unknown>;
  createdAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  completedAt: string | null;
  deemedAcceptedAt: string | null;
  caseRated: boolean;
}

export interface ApplicationSummary {
  id: string;
  centreCode: string;
  caseNumber: string | null;
  itemName: string;
  applicantName: string;
  status: ApplicationStatus;
  statusLabel: LocalizedMessage;
  clockState: ClockState;
  supervisionLevel: SupervisionLevel;
  currentStepName: string | null;
  currentPost: string | null;
  currentStepDue: string | null;
  promisedDue: string | null;
  submittedAt: string | null;
  createdAt: string;
  version: number;
}

/** Public lookup by case number and query code: no personal data. */
export interface PublicCaseView {
  caseNumber: string;
  centreCode: string;
  itemName: string;
  status: ApplicationStatus;
  statusLabel: LocalizedMessage;
  clockState: ClockState;
  promisedDue: string | null;
  steps: Array<{ name: string; startedAt: string; finishedAt: string | null; outcome: string | null }>;
  submittedAt: string | null;
  completedAt: string | null;
}

export interface ChainVerificationView {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: string; reason: string };
}
