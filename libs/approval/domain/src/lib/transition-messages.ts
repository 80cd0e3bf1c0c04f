import type { TransitionErrorCode, TransitionPost } from './application-state';
import { type ApplicationStatus, STATUS_LABELS } from './application-status';
import type { LocalizedText } from './localized-text';
import {
  ACTION_LABELS,
  type ApplicationAction,
  SPECIAL_PROCEDURE_LABELS,
  type SpecialProcedureKind,
  STEP_POST_LABELS,
} from './vocabulary';

/** A refused transition: the code the server maps to HTTP, and text for the person who tried. */
export interface Refusal {
  readonly code: TransitionErrorCode;
  readonly message: LocalizedText;
}

/** Labels of every post a staff member can act in, for messages and the UI. */
export const POST_LABELS: Readonly<Record<TransitionPost, LocalizedText>> = Object.freeze({
  ...STEP_POST_LABELS,
  supervisor: { zh: '督察', en: 'Supervisor' },
  centre_admin: { zh: '中心管理员', en: 'Centre administrator' },
});

/** The generic message for each code; the machine often sends a more specific one. */
export const TRANSITION_ERROR_MESSAGES: Readonly<Record<TransitionErrorCode, LocalizedText>> = Object.freeze({
  TRANSITION_NOT_ALLOWED: { zh: '当前状态下不能执行此操作', en: 'This action is not allowed in the current status' },
  WRONG_ACTOR: { zh: '您无权执行此操作', en: 'You may not perform this action' },
  WRONG_POST: { zh: '您所在的岗位不能执行此操作', en: 'Your post may not perform this action' },
  REASON_REQUIRED: { zh: '请填写理由', en: 'A reason is required' },
  CLOCK_PAUSED: {
    zh: '特别程序进行中，办理时限已暂停；请先结束特别程序',
    en: 'A special procedure has paused the clock; end it first',
  },
  NO_SPECIAL_PROCEDURE_OPEN: { zh: '当前没有进行中的特别程序', en: 'No special procedure is open' },
  SPECIAL_PROCEDURE_ALREADY_OPEN: { zh: '已有进行中的特别程序', en: 'A special procedure is already open' },
  EXTENSION_ALREADY_USED: {
    zh: '审批期限只能延长一次（《行政许可法》第四十二条）',
    en: 'The time limit can be extended only once (Administrative Licensing Law, art. 42)',
  },
  ORIGINALS_NOT_VERIFIED: {
    zh: '原件核验完成前不能出证办结',
    en: 'The originals must be checked before the certificate is issued',
  },
  NOT_AT_DECISION_STEP: {
    zh: '只有在最后的决定环节才能作出许可决定',
    en: 'A decision can only be taken at the last (decision) step',
  },
  AT_FIRST_STEP: { zh: '已是第一个环节，不能再退回', en: 'This is the first step; there is nothing to return to' },
});

export function refusal(code: TransitionErrorCode, message: LocalizedText = TRANSITION_ERROR_MESSAGES[code]): Refusal {
  return { code, message };
}

export function notAllowedIn(action: ApplicationAction, status: ApplicationStatus): Refusal {
  const actionLabel = ACTION_LABELS[action] ?? { zh: String(action), en: String(action) };
  const statusLabel = STATUS_LABELS[status] ?? { zh: String(status), en: String(status) };
  return refusal('TRANSITION_NOT_ALLOWED', {
    zh: `“${actionLabel.zh}”不适用于“${statusLabel.zh}”状态的办件`,
    en: `“${actionLabel.en}” is not possible for an application that is ${statusLabel.en.toLowerCase()}`,
  });
}

export function wrongPost(action: ApplicationAction, posts: readonly TransitionPost[]): Refusal {
  const labels = posts.map((post) => POST_LABELS[post]);
  return refusal('WRONG_POST', {
    zh: `“${ACTION_LABELS[action].zh}”须由${labels.map((l) => l.zh).join('或')}岗位执行`,
    en: `“${ACTION_LABELS[action].en}” is done by the ${labels.map((l) => l.en.toLowerCase()).join(' or ')}`,
  });
}

export function specialProcedureAlreadyOpen(kind: SpecialProcedureKind): Refusal {
  const label = SPECIAL_PROCEDURE_LABELS[kind];
  return refusal('SPECIAL_PROCEDURE_ALREADY_OPEN', {
    zh: `特别程序“${label.zh}”仍在进行中`,
    en: `The special procedure “${label.en.toLowerCase()}” is still open`,
  });
}

