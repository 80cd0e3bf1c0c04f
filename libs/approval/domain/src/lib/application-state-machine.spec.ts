import { type ApplicationState, type TransitionContext, type TransitionErrorCode, type TransitionPost } from './application-state';
import { actionRequires, allowedActions, initialState, transition } from './application-state-machine';
import { APPLICATION_STATUSES, ApplicationStatus as S, isStepStatus } from './application-status';
import { TRANSITION_RULES } from './transition-rules';
import { APPLICATION_ACTIONS, type ApplicationAction, type ResultType, STEP_POSTS } from './vocabulary';

/*
 * The whole machine as a table: for every status × action × actor/post, what happens in a
 * canonical state of that status (a promised case with three steps, at the middle one, clock
 * running, originals not required). Guards that depend on more than the status (last step,
 * paused clock, extension, originals, 即办件) have their own stories below.
 */

type Who = 'applicant' | 'system' | TransitionPost | 'staff_without_post';
const EVERYONE: readonly Who[] = ['applicant', 'system', 'window_clerk', 'reviewer', 'approver', 'supervisor', 'centre_admin', 'staff_without_post'];
const ANY_STAFF: readonly Who[] = ['window_clerk', 'reviewer', 'approver', 'supervisor', 'centre_admin', 'staff_without_post'];
const STEP_HOLDERS: readonly Who[] = STEP_POSTS;

function contextOf(who: Who): TransitionContext {
  const input = { reason: '材料齐全', specialProcedure: 'expert_review' as const };
  if (who === 'applicant' || who === 'system') return { actor: who, ...input };
  if (who === 'staff_without_post') return { actor: 'staff', ...input };
  return { actor: 'staff', post: who, ...input };
}

function canonicalState(status: S): ApplicationState {
  const base = initialState({ caseType: 'promised', stepCount: 3, originalsCheckRequired: false });
  if (status < S.Accepted) return { ...base, status };
  if (isStepStatus(status)) return { ...base, status, clock: 'running', currentStep: 1 };
  return { ...base, status, clock: 'stopped' };
}

/** The outcome of an allowed row: the status reached, the step, the result type. */
interface Reached {
  to: S;
  step?: number | null;
  resultType?: ResultType;
}
type Row = [S, ApplicationAction, readonly Who[], Reached | TransitionErrorCode];

const PRE_REVIEW = [S.Submitted, S.PreReviewPassed, S.AwaitingPaper, S.ReceivedAtCounter];
const CORRECTION = [S.Returned, S.CorrectionRequested];

const ROWS: Row[] = [
  [S.Draft, 'submit', ['applicant', 'system'], { to: S.Submitted }],
  [S.Draft, 'withdraw', ['applicant'], { to: S.Withdrawn }],
  ...PRE_REVIEW.flatMap((status): Row[] => [
    [status, 'accept', ['window_clerk'], { to: S.Accepted, step: 0 }],
    [status, 'accept_with_owed_materials', ['window_clerk'], { to: S.AcceptedMaterialsOwed, step: 0 }],
    // A supervisor's return is the override of the one-time rule (the server checks its reason).
    [status, 'return_with_notice', ['window_clerk', 'supervisor'], { to: S.Returned }],
    [status, 'not_accept', ['window_clerk'], { to: S.NotAccepted }],
    [status, 'withdraw', ['applicant'], { to: S.Withdrawn }],
  ]),
  ...CORRECTION.flatMap((status): Row[] => [
    [status, 'resubmit', ['applicant', 'system'], { to: S.Submitted }],
    [status, 'withdraw', ['applicant'], { to: S.Withdrawn }],
    [status, 'not_accept', ['system'], { to: S.NotAccepted, resultType: 'correction_timeout_rejected' }],
  ]),
  ...[S.Accepted, S.AcceptedMaterialsOwed].flatMap((status): Row[] => [
    [status, 'withdraw', ['applicant'], { to: S.Withdrawn, step: null }],
    [status, 'pass_step', STEP_HOLDERS, { to: status, step: 2 }],
    [status, 'return_step', STEP_HOLDERS, { to: status, step: 0 }],
    [status, 'approve', ['approver'], 'NOT_AT_DECISION_STEP'],
    [status, 'deny', ['approver'], 'NOT_AT_DECISION_STEP'],
    [status, 'start_special_procedure', STEP_HOLDERS, { to: status, step: 1 }],
    [status, 'end_special_procedure', [...STEP_HOLDERS, 'system'], 'NO_SPECIAL_PROCEDURE_OPEN'],
    [status, 'extend', ['approver'], { to: status, step: 1 }],
    [status, 'terminate', ANY_STAFF, { to: S.Terminated, step: null, resultType: 'voided' }],
  ]),
  [S.AcceptedMaterialsOwed, 'owed_materials_received', STEP_HOLDERS, { to: S.Accepted, step: 1 }],
  [S.Approved, 'complete', ['approver', 'window_clerk'], { to: S.Completed, resultType: 'certificate_issued' }],
  [S.Approved, 'terminate', ANY_STAFF, { to: S.Terminated, resultType: 'voided' }],
  [S.Denied, 'complete', ['approver', 'window_clerk'], { to: S.Completed, resultType: 'returned' }],
  [S.Denied, 'terminate', ANY_STAFF, { to: S.Terminated, resultType: 'voided' }],
  // Canonical states need no originals check, so the system's check actions find nothing pending.
  ...[S.Approved, ...PRE_REVIEW].flatMap((status): Row[] => [
    [status, 'originals_verified', ['system'], 'TRANSITION_NOT_ALLOWED'],
    [status, 'originals_mismatch', ['system'], 'TRANSITION_NOT_ALLOWED'],
  ]),
  [S.Approved, 'complete', ['system'], { to: S.Completed, resultType: 'certificate_issued' }],
];

const actorOf = (who: Who) => (who === 'applicant' || who === 'system' ? who : 'staff');

/** What a combination not in the table gets: the first check it fails. */
function expectedRefusal(status: S, action: ApplicationAction, who: Who): TransitionErrorCode {
  const rows = ROWS.filter(([s, a]) => s === status && a === action);
  if (rows.length === 0) return 'TRANSITION_NOT_ALLOWED';
  if (!rows.some(([, , whos]) => whos.some((w) => actorOf(w) === actorOf(who)))) return 'WRONG_ACTOR';
  return 'WRONG_POST';
}

const cases = APPLICATION_STATUSES.flatMap((status) =>
  APPLICATION_ACTIONS.flatMap((action) => EVERYONE.map((who) => ({ status, name: S[status], action, who }))),
);

describe('the transition table (status × action × actor/post)', () => {
  it('covers every combination', () => {
    expect(cases).toHaveLength(15 * 19 * 8);
  });

  it.each(cases)('$name · $action · $who', ({ status, action, who }) => {
    const state = canonicalState(status);
    const result = transition(state, action, contextOf(who));
    const row = ROWS.find(([s, a, whos]) => s === status && a === action && whos.includes(who));
    const expected = row ? row[3] : expectedRefusal(status, action, who);
    if (typeof expected === 'string') {
      expect(result).toMatchObject({ ok: false, code: expected });
      return;
    }
    if (!result.ok) throw new Error(`expected ${S[expected.to]}, got ${result.code}: ${result.message.en}`);
    expect(result.state.status).toBe(expected.to);
    if (expected.step !== undefined) expect(result.state.currentStep).toBe(expected.step);
    expect(result.resultType).toBe(expected.resultType);
    expect(result.event).toEqual({ action, from: status, to: expected.to, fromStep: state.currentStep, toStep: result.state.currentStep });
  });

  it('has at most one clause for any status, actor and post', () => {
    for (const action of APPLICATION_ACTIONS) {
      for (const status of APPLICATION_STATUSES) {
        for (const who of EVERYONE) {
          const matching = TRANSITION_RULES[action].filter(
            (clause) =>
              clause.from.includes(status) &&
              clause.actors.includes(actorOf(who)) &&
              (actorOf(who) !== 'staff' || !clause.posts || clause.posts.includes(who as TransitionPost)),
          );
          expect(matching.length).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

describe('the originals check (原件核验)', () => {
  const system: TransitionContext = { actor: 'system' };
  const approvedAwaitingCheck: ApplicationState = { ...canonicalState(S.Approved), originalsCheckRequired: true };

  it('completes an approved case once the attestation confirms every original', () => {
    expect(transition(approvedAwaitingCheck, 'complete', system)).toMatchObject({ ok: false, code: 'ORIGINALS_NOT_VERIFIED' });
    const verified = transition(approvedAwaitingCheck, 'originals_verified', system);
    if (!verified.ok) throw new Error(verified.code);
    expect(verified.state).toMatchObject({ status: S.Approved, originalsVerified: true });
    expect(transition(verified.state, 'complete', system)).toMatchObject({ ok: true, resultType: 'certificate_issued', state: { status: S.Completed } });
    expect(transition(verified.state, 'originals_verified', system)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('returns the case to the applicant with a notice when an original does not match', () => {
    const mismatch = transition(approvedAwaitingCheck, 'originals_mismatch', system);
    expect(mismatch).toMatchObject({ ok: true, state: { status: S.Returned, clock: 'not_started', noticesSent: 1, currentStep: null } });
  });

  it('lets only the system record a check', () => {
    expect(transition(approvedAwaitingCheck, 'originals_verified', { actor: 'staff', post: 'window_clerk' })).toMatchObject({ ok: false, code: 'WRONG_ACTOR' });
  });
});

const staff = (post: TransitionPost, extra: Partial<TransitionContext> = {}): TransitionContext => ({ actor: 'staff', post, ...extra });
const applicant: TransitionContext = { actor: 'applicant' };

function run(state: ApplicationState, action: ApplicationAction, context: TransitionContext): ApplicationState {
  const result = transition(state, action, context);
  if (!result.ok) throw new Error(`${action} refused: ${result.code}`);
  return result.state;
}

function acceptedAt(step: number, overrides: Partial<ApplicationState> = {}): ApplicationState {
  return { ...canonicalState(S.Accepted), currentStep: step, ...overrides };
}

describe('a promised case from draft to certificate', () => {
  it('walks submit → notice → resubmit → accept → steps → approve → complete', () => {
    let state = initialState({ caseType: 'promised', stepCount: 3, originalsCheckRequired: true });
    expect(state).toMatchObject({ status: S.Draft, clock: 'not_started', currentStep: null, noticesSent: 0 });
    state = run(state, 'submit', applicant);
    state = run(state, 'return_with_notice', staff('window_clerk'));
    expect(state).toMatchObject({ status: S.Returned, noticesSent: 1, clock: 'not_started' });
    state = run(state, 'resubmit', applicant);
    state = run(state, 'accept', staff('window_clerk'));
    expect(state).toMatchObject({ status: S.Accepted, clock: 'running', currentStep: 0 });
    state = run(state, 'pass_step', staff('window_clerk'));
    state = run(state, 'pass_step', staff('reviewer'));
    expect(state.currentStep).toBe(2);
    state = run(state, 'approve', staff('approver'));
    expect(state).toMatchObject({ status: S.Approved, clock: 'stopped', currentStep: null });
    expect(transition(state, 'complete', staff('window_clerk'))).toMatchObject({ ok: false, code: 'ORIGINALS_NOT_VERIFIED' });
    state = { ...state, originalsVerified: true };
    const completed = transition(state, 'complete', staff('window_clerk'));
    expect(completed).toMatchObject({ ok: true, resultType: 'certificate_issued', state: { status: S.Completed, clock: 'stopped' } });
  });
});

describe('the decision step', () => {
  it('refuses pass_step at the last step: that step decides', () => {
    expect(transition(acceptedAt(2), 'pass_step', staff('approver'))).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('lets the approver approve or deny there, denial with a reason (不予许可)', () => {
    expect(transition(acceptedAt(2), 'approve', staff('approver'))).toMatchObject({ ok: true, state: { status: S.Approved } });
    expect(transition(acceptedAt(2), 'deny', staff('approver'))).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(transition(acceptedAt(2), 'deny', staff('approver', { reason: '  ' }))).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(transition(acceptedAt(2), 'deny', staff('approver', { reason: '不符合条件' }))).toMatchObject({
      ok: true,
      state: { status: S.Denied, clock: 'stopped', currentStep: null },
      event: { fromStep: 2, toStep: null },
    });
  });

  it('checks the post before the step', () => {
    expect(transition(acceptedAt(1), 'approve', staff('reviewer'))).toMatchObject({ ok: false, code: 'WRONG_POST' });
    expect(transition(acceptedAt(2), 'approve', staff('reviewer'))).toMatchObject({ ok: false, code: 'WRONG_POST' });
  });

  it('decides a one-step procedure at once', () => {
    const state = acceptedAt(0, { stepCount: 1 });
    expect(transition(state, 'pass_step', staff('approver'))).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
    expect(transition(state, 'approve', staff('approver'))).toMatchObject({ ok: true });
  });

  it('returns to the previous step with a reason, never before the first', () => {
    expect(transition(acceptedAt(0), 'return_step', staff('reviewer', { reason: '补充意见' }))).toMatchObject({ ok: false, code: 'AT_FIRST_STEP' });
    expect(transition(acceptedAt(2), 'return_step', staff('approver'))).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(transition(acceptedAt(2), 'return_step', staff('approver', { reason: '补充意见' }))).toMatchObject({
      ok: true,
      state: { currentStep: 1 },
      event: { action: 'return_step', from: S.Accepted, to: S.Accepted, fromStep: 2, toStep: 1 },
    });
  });
});

describe('special procedures (行政许可法 §45)', () => {
  const paused = acceptedAt(2, { clock: 'paused', openSpecialProcedure: 'hearing' });

  it('pauses the clock with the kind of procedure, which is required', () => {
    expect(transition(acceptedAt(1), 'start_special_procedure', staff('reviewer', { specialProcedure: 'testing' }))).toMatchObject({
      ok: true,
      state: { clock: 'paused', openSpecialProcedure: 'testing', currentStep: 1 },
    });
    expect(transition(acceptedAt(1), 'start_special_procedure', staff('reviewer'))).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    const bogus = staff('reviewer', { specialProcedure: 'auction' as never });
    expect(transition(acceptedAt(1), 'start_special_procedure', bogus)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
  });

  it('refuses a second one while the first is open', () => {
    expect(transition(paused, 'start_special_procedure', staff('approver', { specialProcedure: 'testing' }))).toMatchObject({
      ok: false,
      code: 'SPECIAL_PROCEDURE_ALREADY_OPEN',
    });
  });

  it('refuses step work and decisions while paused', () => {
    for (const action of ['pass_step', 'return_step', 'approve', 'deny'] as const) {
      expect(transition(paused, action, staff('approver', { reason: 'x' }))).toMatchObject({ ok: false, code: 'CLOCK_PAUSED' });
    }
    expect(transition({ ...paused, currentStep: 1 }, 'pass_step', staff('reviewer'))).toMatchObject({ ok: false, code: 'CLOCK_PAUSED' });
  });

  it('is ended by staff or, at its announced length, by the system', () => {
    for (const context of [staff('reviewer'), { actor: 'system' } as const]) {
      expect(transition(paused, 'end_special_procedure', context)).toMatchObject({
        ok: true,
        state: { clock: 'running', openSpecialProcedure: null },
      });
    }
    expect(transition(paused, 'end_special_procedure', applicant)).toMatchObject({ ok: false, code: 'WRONG_ACTOR' });
  });

  it('still allows extension, withdrawal and termination, which close it', () => {
    expect(transition(paused, 'extend', staff('approver', { reason: '需专家论证' }))).toMatchObject({ ok: true, state: { clock: 'paused', extensionUsed: true } });
    expect(transition(paused, 'withdraw', applicant)).toMatchObject({
      ok: true,
      state: { status: S.Withdrawn, clock: 'stopped', openSpecialProcedure: null, currentStep: null },
    });
    expect(transition(paused, 'terminate', staff('approver', { reason: '申请人主体资格灭失' }))).toMatchObject({
      ok: true,
      state: { status: S.Terminated, clock: 'stopped', openSpecialProcedure: null },
    });
  });
});

describe('extension (行政许可法 §42)', () => {
  it('is granted once, by the approver, with the reason the applicant is told', () => {
    expect(transition(acceptedAt(0), 'extend', staff('approver'))).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    const extended = run(acceptedAt(0), 'extend', staff('approver', { reason: '情况复杂' }));
    expect(extended.extensionUsed).toBe(true);
    expect(transition(extended, 'extend', staff('approver', { reason: '仍需时间' }))).toMatchObject({ ok: false, code: 'EXTENSION_ALREADY_USED' });
    expect(transition(acceptedAt(0), 'extend', staff('reviewer', { reason: 'x' }))).toMatchObject({ ok: false, code: 'WRONG_POST' });
  });
});

describe('即办件 (decided on the spot)', () => {
  const submitted = (originalsCheckRequired: boolean) => ({
    ...initialState({ caseType: 'immediate', stepCount: 1, originalsCheckRequired }),
    status: S.Submitted,
  });

  it('completes on acceptance', () => {
    expect(transition(submitted(false), 'accept', staff('window_clerk'))).toMatchObject({
      ok: true,
      resultType: 'completed',
      state: { status: S.Completed, clock: 'stopped', currentStep: null },
      event: { from: S.Submitted, to: S.Completed },
    });
  });

  it('waits in Approved for the originals check when one is required', () => {
    const approved = run(submitted(true), 'accept', staff('window_clerk'));
    expect(approved).toMatchObject({ status: S.Approved, clock: 'stopped' });
    expect(transition(approved, 'complete', staff('window_clerk'))).toMatchObject({ ok: false, code: 'ORIGINALS_NOT_VERIFIED' });
    expect(transition({ ...approved, originalsVerified: true }, 'complete', staff('window_clerk'))).toMatchObject({
      ok: true,
      resultType: 'certificate_issued',
    });
  });

  it('completes at once when the originals were already checked at the counter', () => {
    expect(transition({ ...submitted(true), originalsVerified: true }, 'accept', staff('window_clerk'))).toMatchObject({
      ok: true,
      state: { status: S.Completed },
    });
  });

  it('cannot be accepted with materials owed', () => {
    expect(transition(submitted(false), 'accept_with_owed_materials', staff('window_clerk'))).toMatchObject({
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
    });
  });

  it('may have a procedure without steps', () => {
    expect(() => initialState({ caseType: 'immediate', stepCount: 0, originalsCheckRequired: false })).not.toThrow();
    expect(() => initialState({ caseType: 'promised', stepCount: 0, originalsCheckRequired: false })).toThrow(RangeError);
  });
});

describe('容缺受理 (accepted with materials owed)', () => {
  const owed = { ...acceptedAt(2), status: S.AcceptedMaterialsOwed };

  it('runs the steps but waits for the materials before approving', () => {
    expect(transition(owed, 'approve', staff('approver'))).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
    const received = run(owed, 'owed_materials_received', staff('window_clerk'));
    expect(received).toMatchObject({ status: S.Accepted, currentStep: 2, clock: 'running' });
    expect(transition(received, 'approve', staff('approver'))).toMatchObject({ ok: true });
  });

  it('may still be denied', () => {
    expect(transition(owed, 'deny', staff('approver', { reason: '逾期未补齐材料' }))).toMatchObject({ ok: true, state: { status: S.Denied } });
  });
});

describe('reasons', () => {
  it.each([
    [S.Submitted, 'not_accept', staff('window_clerk')],
    [S.Returned, 'not_accept', { actor: 'system' } as TransitionContext],
    [S.Accepted, 'terminate', staff('supervisor')],
    [S.Approved, 'terminate', { actor: 'staff' } as TransitionContext],
  ] as const)('%s · %s needs one', (status, action, context) => {
    expect(transition(canonicalState(status), action, context)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(transition(canonicalState(status), action, { ...context, reason: '理由' })).toMatchObject({ ok: true });
  });

  it('are announced to the UI', () => {
    expect(APPLICATION_ACTIONS.filter((action) => actionRequires(action) === 'reason')).toEqual([
      'not_accept',
      'return_step',
      'deny',
      'extend',
      'terminate',
    ]);
    expect(actionRequires('start_special_procedure')).toBe('special_procedure');
    expect(actionRequires('approve')).toBeNull();
  });
});

describe('allowedActions', () => {
  it('lists what the applicant can do with a draft', () => {
    expect(allowedActions(initialState({ caseType: 'promised', stepCount: 2, originalsCheckRequired: false }), applicant)).toEqual([
      'submit',
      'withdraw',
    ]);
  });

  it('lists the approver’s buttons at the decision step, reason-needing ones included', () => {
    expect(allowedActions(acceptedAt(2), staff('approver'))).toEqual([
      'return_step',
      'approve',
      'deny',
      'start_special_procedure',
      'extend',
      'terminate',
    ]);
  });

  it('lists nothing in a final status', () => {
    for (const status of [S.Completed, S.NotAccepted, S.Withdrawn, S.Terminated]) {
      for (const who of EVERYONE) expect(allowedActions(canonicalState(status), contextOf(who))).toEqual([]);
    }
  });
});

describe('purity and input checks', () => {
  it('never modifies the state it is given', () => {
    const state = Object.freeze(acceptedAt(1));
    expect(() => transition(state, 'pass_step', staff('reviewer'))).not.toThrow();
    expect(state.currentStep).toBe(1);
  });

  it('throws on a state that could not have come from the machine', () => {
    expect(() => transition({ ...acceptedAt(1), currentStep: null }, 'pass_step', staff('reviewer'))).toThrow(RangeError);
    expect(() => transition({ ...acceptedAt(1), currentStep: 3 }, 'pass_step', staff('reviewer'))).toThrow(RangeError);
    expect(() => allowedActions({ ...acceptedAt(1), clock: 'paused' }, applicant)).toThrow(/special procedure/);
    expect(() => transition({ ...canonicalState(S.Approved), clock: 'running' }, 'complete', staff('approver'))).toThrow(RangeError);
  });

  it('refuses an action it does not know', () => {
    expect(transition(acceptedAt(1), 'approve_all' as ApplicationAction, staff('approver'))).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('gives every refusal a message in both languages', () => {
    const refused = transition(canonicalState(S.Completed), 'approve', staff('approver'));
    expect(refused).toMatchObject({ ok: false, message: { zh: expect.stringContaining('已办结'), en: expect.stringContaining('completed') } });
    expect(transition(acceptedAt(1), 'extend', staff('reviewer', { reason: 'x' }))).toMatchObject({
      message: { zh: expect.stringContaining('审批'), en: expect.stringContaining('approver') },
    });
  });
});
