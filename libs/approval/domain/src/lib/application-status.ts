import type { LocalizedText } from './localized-text';

/**
 * Application status (办件状态). The codes follow the dominant vendor convention (DOMAIN.md):
 * below 30 the application is not yet accepted and no time limit runs; 30–89 it is accepted or
 * decided; 90 and above it is final. Clock state, result type and supervision level are kept
 * apart from the status (ARCHITECTURE.md §5), so they are not encoded here.
 */
export enum ApplicationStatus {
  Draft = 10,
  Submitted = 12,
  Returned = 14,
  PreReviewPassed = 16,
  AwaitingPaper = 24,
  ReceivedAtCounter = 26,
  CorrectionRequested = 28,
  Accepted = 30,
  AcceptedMaterialsOwed = 37,
  Denied = 40,
  Approved = 50,
  Completed = 90,
  NotAccepted = 97,
  Withdrawn = 98,
  Terminated = 99,
}

/** Every status, in code order (numeric enums also map names back, so filter those out). */
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = Object.freeze(
  Object.values(ApplicationStatus)
    .filter((value): value is ApplicationStatus => typeof value === 'number')
    .sort((a, b) => a - b),
);

/** The first code of the final range: nothing moves an application out of a final status. */
export const FINAL_STATUS_THRESHOLD = 90;

export const FINAL_STATUSES: readonly ApplicationStatus[] = Object.freeze(
  APPLICATION_STATUSES.filter((status) => status >= FINAL_STATUS_THRESHOLD),
);

/** Accepted, with the procedure's steps in progress: the only statuses with a current step. */
export const STEP_STATUSES: readonly ApplicationStatus[] = Object.freeze([
  ApplicationStatus.Accepted,
  ApplicationStatus.AcceptedMaterialsOwed,
]);

/** Decided but not yet completed (the certificate or the written refusal is still to be issued). */
export const DECIDED_STATUSES: readonly ApplicationStatus[] = Object.freeze([
  ApplicationStatus.Denied,
  ApplicationStatus.Approved,
]);

export function isFinalStatus(status: ApplicationStatus): boolean {
  return status >= FINAL_STATUS_THRESHOLD;
}

/** Not yet accepted (codes below 30): the legal time limit has not started. */
export function isPreAcceptanceStatus(status: ApplicationStatus): boolean {
  return status < ApplicationStatus.Accepted;
}

export function isStepStatus(status: ApplicationStatus): boolean {
  return STEP_STATUSES.includes(status);
}

/** Reads a status code from storage or a request; throws on a code that is not in the table. */
export function parseApplicationStatus(code: number): ApplicationStatus {
  if (!APPLICATION_STATUSES.includes(code)) {
    throw new RangeError(`Not an application status code: ${code}`);
  }
  return code as ApplicationStatus;
}

export const STATUS_LABELS: Readonly<Record<ApplicationStatus, LocalizedText>> = Object.freeze({
  [ApplicationStatus.Draft]: { zh: '草稿', en: 'Draft' },
  [ApplicationStatus.Submitted]: { zh: '已提交，待预审', en: 'Submitted, awaiting pre-review' },
  [ApplicationStatus.Returned]: { zh: '已退回，一次性告知补正', en: 'Returned with a one-time notice' },
  [ApplicationStatus.PreReviewPassed]: { zh: '预审通过', en: 'Pre-review passed' },
  [ApplicationStatus.AwaitingPaper]: { zh: '待收取纸质材料', en: 'Awaiting paper materials' },
  [ApplicationStatus.ReceivedAtCounter]: { zh: '窗口已收件', en: 'Received at the counter' },
  [ApplicationStatus.CorrectionRequested]: { zh: '受理前补正', en: 'Correction requested before acceptance' },
  [ApplicationStatus.Accepted]: { zh: '已受理', en: 'Accepted' },
  [ApplicationStatus.AcceptedMaterialsOwed]: { zh: '容缺受理', en: 'Accepted, materials owed' },
  [ApplicationStatus.Denied]: { zh: '不予许可', en: 'Denied' },
  [ApplicationStatus.Approved]: { zh: '准予许可', en: 'Approved' },
  [ApplicationStatus.Completed]: { zh: '已办结', en: 'Completed' },
  [ApplicationStatus.NotAccepted]: { zh: '不予受理', en: 'Not accepted' },
  [ApplicationStatus.Withdrawn]: { zh: '已撤回', en: 'Withdrawn' },
  [ApplicationStatus.Terminated]: { zh: '已终止', en: 'Terminated' },
});
