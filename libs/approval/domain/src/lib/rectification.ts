/**
 * 差评整改: every bad review opens a rectification case. Its course (DOMAIN.md 好差评): the review is
 * confirmed valid, or the department appeals and the appeal is reviewed (upheld: the review is
 * invalid and the case ends; rejected: valid); a valid one is rectified within the deadline, which
 * may be extended once; rectification ends done or, reviewed, cannot be fixed; the applicant gets a
 * follow-up call, whose result is recorded.
 */

export type RectificationStatus = 'open' | 'valid' | 'invalid' | 'appealed' | 'rectifying' | 'done' | 'cannot_fix';
export const RECTIFICATION_STATUSES: readonly RectificationStatus[] = ['open', 'valid', 'invalid', 'appealed', 'rectifying', 'done', 'cannot_fix'];

export type RectificationAction =
  | 'confirm_valid'
  | 'appeal'
  | 'uphold_appeal'
  | 'reject_appeal'
  | 'start'
  | 'extend'
  | 'complete'
  | 'cannot_fix'
  | 'follow_up';
export const RECTIFICATION_ACTIONS: readonly RectificationAction[] = [
  'confirm_valid',
  'appeal',
  'uphold_appeal',
  'reject_appeal',
  'start',
  'extend',
  'complete',
  'cannot_fix',
  'follow_up',
];

/** Actions that must say why (or, for a follow-up call, what the applicant said). */
export const RECTIFICATION_NOTE_REQUIRED: ReadonlySet<RectificationAction> = new Set(['appeal', 'uphold_appeal', 'reject_appeal', 'extend', 'complete', 'cannot_fix', 'follow_up']);

/** The longest single extension, in working days. */
export const MAX_RECTIFICATION_EXTENSION_WORKING_DAYS = 30;

/** Statuses in which the case is over (a follow-up call may still be recorded). */
export const FINISHED_RECTIFICATION_STATUSES: readonly RectificationStatus[] = ['invalid', 'done', 'cannot_fix'];

export interface RectificationState {
  status: RectificationStatus;
  extended: boolean;
  followedUp: boolean;
}

const NEXT: Readonly<Record<Exclude<RectificationAction, 'extend' | 'follow_up'>, { from: readonly RectificationStatus[]; to: RectificationStatus }>> = {
  confirm_valid: { from: ['open'], to: 'valid' },
  appeal: { from: ['open'], to: 'appealed' },
  uphold_appeal: { from: ['appealed'], to: 'invalid' },
  reject_appeal: { from: ['appealed'], to: 'valid' },
  start: { from: ['valid'], to: 'rectifying' },
  complete: { from: ['rectifying'], to: 'done' },
  cannot_fix: { from: ['rectifying'], to: 'cannot_fix' },
};

export type RectificationRefusal = 'NOT_ALLOWED_IN_STATUS' | 'ALREADY_EXTENDED' | 'ALREADY_FOLLOWED_UP';

/** The status after an action, or why it is refused. `extend` and `follow_up` keep the status. */
export function rectificationStep(state: RectificationState, action: RectificationAction): { ok: true; status: RectificationStatus } | { ok: false; reason: RectificationRefusal } {
  if (action === 'extend') {
    if (state.status !== 'rectifying') return { ok: false, reason: 'NOT_ALLOWED_IN_STATUS' };
    if (state.extended) return { ok: false, reason: 'ALREADY_EXTENDED' };
    return { ok: true, status: state.status };
  }
  if (action === 'follow_up') {
    if (state.status !== 'done' && state.status !== 'cannot_fix') return { ok: false, reason: 'NOT_ALLOWED_IN_STATUS' };
    if (state.followedUp) return { ok: false, reason: 'ALREADY_FOLLOWED_UP' };
    return { ok: true, status: state.status };
  }
  const rule = NEXT[action];
  return rule.from.includes(state.status) ? { ok: true, status: rule.to } : { ok: false, reason: 'NOT_ALLOWED_IN_STATUS' };
}

/** The actions open in a state (what a page offers). */
export function rectificationActionsFor(state: RectificationState): RectificationAction[] {
  return RECTIFICATION_ACTIONS.filter((action) => rectificationStep(state, action).ok);
}
