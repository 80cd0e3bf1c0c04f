import type { ApplicationState, TransitionActor, TransitionContext, TransitionPost } from './application-state';
import { ApplicationStatus } from './application-status';
import { type Refusal, refusal, specialProcedureAlreadyOpen } from './transition-messages';
import { type ApplicationAction, type ResultType, STEP_POSTS } from './vocabulary';

/*
 * The status machine as data. Each action has one or more clauses; a clause says from which
 * statuses, by whom (actor, and for staff the post) and under which conditions the action
 * applies, and what it does. `application-state-machine.ts` evaluates them in a fixed order, so
 * the precedence of refusals is the same for every action:
 *   status (TRANSITION_NOT_ALLOWED) → actor (WRONG_ACTOR) → post (WRONG_POST) →
 *   clock (CLOCK_PAUSED) → guards (their own codes) → input (REASON_REQUIRED).
 * At most one clause matches a given status, actor and post (a test checks this).
 *
 * Counter statuses. 16 PreReviewPassed, 24 AwaitingPaper, 26 ReceivedAtCounter and 28
 * CorrectionRequested belong to the code table for counter (paper-first) flows. No action here
 * leads into them: this platform's online flow goes 12 → 14 → 12 → 30, and the originals are
 * checked after the decision. An application found in one of them (imported, or set by a counter
 * flow) is never stuck, though: 16, 24 and 26 take the window clerk's pre-review actions exactly
 * like 12, and 28 takes the applicant's resubmission exactly like 14. All four can be withdrawn.
 */

export interface TransitionOutcome {
  readonly state: ApplicationState;
  readonly resultType?: ResultType;
}

export type TransitionGuard = (state: ApplicationState) => Refusal | null;

export interface TransitionClause {
  readonly from: readonly ApplicationStatus[];
  readonly actors: readonly TransitionActor[];
  /** For staff, the posts that may act; absent means any staff member (the server's permissions decide). */
  readonly posts?: readonly TransitionPost[];
  /** Refused with CLOCK_PAUSED while a §45 special procedure holds the clock. */
  readonly needsRunningClock?: boolean;
  readonly guards?: readonly TransitionGuard[];
  /** What the actor must supply: a written reason, or the kind of special procedure. */
  readonly requires?: 'reason' | 'special_procedure';
  readonly apply: (state: ApplicationState, context: TransitionContext) => TransitionOutcome;
}

const S = ApplicationStatus;
/** Where the window clerk pre-reviews (see the counter statuses above). */
const PRE_REVIEW = [S.Submitted, S.PreReviewPassed, S.AwaitingPaper, S.ReceivedAtCounter] as const;
/** Waiting for the applicant to correct the materials. */
const CORRECTION = [S.Returned, S.CorrectionRequested] as const;
const IN_STEPS = [S.Accepted, S.AcceptedMaterialsOwed] as const;
/** The applicant may withdraw at any time before a decision. */
const WITHDRAWABLE = [S.Draft, ...PRE_REVIEW, ...CORRECTION, ...IN_STEPS] as const;

// ---- guards -----------------------------------------------------------------------------------

const isDecisionStep = (state: ApplicationState) => state.currentStep === state.stepCount - 1;

const notAtDecisionStep: TransitionGuard = (state) =>
  isDecisionStep(state)
    ? refusal('TRANSITION_NOT_ALLOWED', {
        zh: '已到最后的决定环节，请作出准予许可或不予许可的决定',
        en: 'This is the decision step: approve or deny',
      })
    : null;

const atDecisionStep: TransitionGuard = (state) => (isDecisionStep(state) ? null : refusal('NOT_AT_DECISION_STEP'));

const notAtFirstStep: TransitionGuard = (state) => (state.currentStep === 0 ? refusal('AT_FIRST_STEP') : null);

// 容缺受理: the decision waits until the owed materials are in, so nothing is licensed on a
// promise the applicant has not kept. Denial stays possible (e.g. they never arrive).
const noMaterialsOwed: TransitionGuard = (state) =>
  state.status === S.AcceptedMaterialsOwed
    ? refusal('TRANSITION_NOT_ALLOWED', {
        zh: '容缺材料补齐后才能作出准予许可决定',
        en: 'The owed materials must be received before the application can be approved',
      })
    : null;

// 即办件 are decided on the spot; one that cannot be (materials owed) is not an 即办件 case.
const notImmediate: TransitionGuard = (state) =>
  state.caseType === 'immediate'
    ? refusal('TRANSITION_NOT_ALLOWED', {
        zh: '即办件当场办结，不适用容缺受理',
        en: 'A case decided on the spot cannot be accepted with materials owed',
      })
    : null;

const noSpecialProcedureOpen: TransitionGuard = (state) =>
  state.openSpecialProcedure === null ? null : specialProcedureAlreadyOpen(state.openSpecialProcedure);

const specialProcedureOpen: TransitionGuard = (state) =>
  state.openSpecialProcedure === null ? refusal('NO_SPECIAL_PROCEDURE_OPEN') : null;

// 行政许可法 §42: one extension of 10 working days, approved by the head of the agency.
const extensionUnused: TransitionGuard = (state) => (state.extensionUsed ? refusal('EXTENSION_ALREADY_USED') : null);

// The certificate is issued only after the originals have been compared with the uploads.
const originalsVerifiedIfRequired: TransitionGuard = (state) =>
  state.originalsCheckRequired && !state.originalsVerified ? refusal('ORIGINALS_NOT_VERIFIED') : null;

const originalsCheckPending: TransitionGuard = (state) =>
  state.originalsCheckRequired && !state.originalsVerified ? null : refusal('TRANSITION_NOT_ALLOWED');

// ---- effects ----------------------------------------------------------------------------------

/** Leaves the steps: no current step, no special procedure, clock stopped. */
function stop(state: ApplicationState, status: ApplicationStatus): ApplicationState {
  return { ...state, status, clock: 'stopped', currentStep: null, openSpecialProcedure: null };
}

/** Acceptance starts the legal clock (§42) at the first step. */
function enterSteps(state: ApplicationState, status: ApplicationStatus): ApplicationState {
  return { ...state, status, clock: 'running', currentStep: 0 };
}

function toStep(state: ApplicationState, step: number): ApplicationState {
  return { ...state, currentStep: step };
}

const toSubmitted = (state: ApplicationState): TransitionOutcome => ({ state: { ...state, status: S.Submitted } });

function accept(state: ApplicationState): TransitionOutcome {
  if (state.caseType === 'promised') return { state: enterSteps(state, S.Accepted) };
  // 即办件: accepted and decided on the spot. Where the originals must be seen first, the case
  // waits in Approved for the check; `complete` then issues the certificate.
  if (state.originalsCheckRequired && !state.originalsVerified) return { state: stop(state, S.Approved) };
  return { state: stop(state, S.Completed), resultType: 'completed' };
}

// ---- the table --------------------------------------------------------------------------------

const WINDOW: readonly TransitionPost[] = ['window_clerk'];
const APPROVER: readonly TransitionPost[] = ['approver'];
const ISSUERS: readonly TransitionPost[] = ['approver', 'window_clerk'];
/** A supervisor may return too: with a written override of the one-time rule (行政许可法 §32). */
const NOTICE_SENDERS: readonly TransitionPost[] = ['window_clerk', 'supervisor'];

export const TRANSITION_RULES: Readonly<Record<ApplicationAction, readonly TransitionClause[]>> = {
  // The system submits a case received at another centre's counter (异地代收) when it arrives, and
  // resubmits it when that counter sends the corrections a one-time notice asked for (代收补正).
  submit: [{ from: [S.Draft], actors: ['applicant', 'system'], apply: toSubmitted }],
  resubmit: [{ from: CORRECTION, actors: ['applicant', 'system'], apply: toSubmitted }],
  withdraw: [{ from: WITHDRAWABLE, actors: ['applicant'], apply: (state) => ({ state: stop(state, S.Withdrawn) }) }],

  accept: [{ from: PRE_REVIEW, actors: ['staff'], posts: WINDOW, apply: accept }],
  accept_with_owed_materials: [
    {
      from: PRE_REVIEW,
      actors: ['staff'],
      posts: WINDOW,
      guards: [notImmediate],
      apply: (state) => ({ state: enterSteps(state, S.AcceptedMaterialsOwed) }),
    },
  ],
  owed_materials_received: [
    {
      from: [S.AcceptedMaterialsOwed],
      actors: ['staff'],
      posts: STEP_POSTS,
      apply: (state) => ({ state: { ...state, status: S.Accepted } }),
    },
  ],
  // 行政许可法 §32: the notice's content is checked by `checkNewNotice`; the machine counts it.
  return_with_notice: [
    {
      from: PRE_REVIEW,
      actors: ['staff'],
      posts: NOTICE_SENDERS,
      apply: (state) => ({ state: { ...state, status: S.Returned, noticesSent: state.noticesSent + 1 } }),
    },
  ],
  not_accept: [
    // 不予受理 must state its reasons (行政许可法 §32, §38).
    {
      from: PRE_REVIEW,
      actors: ['staff'],
      posts: WINDOW,
      requires: 'reason',
      apply: (state) => ({ state: stop(state, S.NotAccepted) }),
    },
    // The correction period ran out (补正超时驳回): a scheduled job closes the application.
    {
      from: CORRECTION,
      actors: ['system'],
      requires: 'reason',
      apply: (state) => ({ state: stop(state, S.NotAccepted), resultType: 'correction_timeout_rejected' }),
    },
  ],

  pass_step: [
    {
      from: IN_STEPS,
      actors: ['staff'],
      posts: STEP_POSTS,
      needsRunningClock: true,
      guards: [notAtDecisionStep],
      apply: (state) => ({ state: toStep(state, (state.currentStep ?? 0) + 1) }),
    },
  ],
  return_step: [
    {
      from: IN_STEPS,
      actors: ['staff'],
      posts: STEP_POSTS,
      needsRunningClock: true,
      guards: [notAtFirstStep],
      requires: 'reason',
      apply: (state) => ({ state: toStep(state, (state.currentStep ?? 0) - 1) }),
    },
  ],
  approve: [
    {
      from: IN_STEPS,
      actors: ['staff'],
      posts: APPROVER,
      needsRunningClock: true,
      guards: [atDecisionStep, noMaterialsOwed],
      apply: (state) => ({ state: stop(state, S.Approved) }),
    },
  ],
  // 不予许可 must give reasons and tell the applicant of their remedies (行政许可法 §38).
  deny: [
    {
      from: IN_STEPS,
      actors: ['staff'],
      posts: APPROVER,
      needsRunningClock: true,
      guards: [atDecisionStep],
      requires: 'reason',
      apply: (state) => ({ state: stop(state, S.Denied) }),
    },
  ],

  // 行政许可法 §45: the time these take does not count; the clock pauses until they end.
  start_special_procedure: [
    {
      from: IN_STEPS,
      actors: ['staff'],
      posts: STEP_POSTS,
      guards: [noSpecialProcedureOpen],
      requires: 'special_procedure',
      apply: (state, context) => ({
        state: { ...state, clock: 'paused', openSpecialProcedure: context.specialProcedure ?? null },
      }),
    },
  ],
  // `system` resumes the clock automatically when the procedure reaches its announced length.
  end_special_procedure: [
    {
      from: IN_STEPS,
      actors: ['staff', 'system'],
      posts: STEP_POSTS,
      guards: [specialProcedureOpen],
      apply: (state) => ({ state: { ...state, clock: 'running', openSpecialProcedure: null } }),
    },
  ],
  // 行政许可法 §42: the applicant must be told why, hence the reason.
  extend: [
    {
      from: IN_STEPS,
      actors: ['staff'],
      posts: APPROVER,
      guards: [extensionUnused],
      requires: 'reason',
      apply: (state) => ({ state: { ...state, extensionUsed: true } }),
    },
  ],

  complete: [
    {
      from: [S.Approved],
      actors: ['staff'],
      posts: ISSUERS,
      guards: [originalsVerifiedIfRequired],
      apply: (state) => ({ state: stop(state, S.Completed), resultType: 'certificate_issued' }),
    },
    // Issued by the system as soon as a routed attestation confirms the originals.
    {
      from: [S.Approved],
      actors: ['system'],
      guards: [originalsVerifiedIfRequired],
      apply: (state) => ({ state: stop(state, S.Completed), resultType: 'certificate_issued' }),
    },
    {
      from: [S.Denied],
      actors: ['staff'],
      posts: ISSUERS,
      apply: (state) => ({ state: stop(state, S.Completed), resultType: 'returned' }),
    },
  ],
  // The check of the paper originals (就地就近, possibly at another centre) arrives as a signed
  // attestation: a full match lets the case be issued; anything else goes back to the applicant.
  originals_verified: [
    {
      from: [S.Approved, ...PRE_REVIEW],
      actors: ['system'],
      guards: [originalsCheckPending],
      apply: (state) => ({ state: { ...state, originalsVerified: true } }),
    },
  ],
  originals_mismatch: [
    {
      from: [S.Approved, ...PRE_REVIEW],
      actors: ['system'],
      guards: [originalsCheckPending],
      apply: (state) => ({ state: { ...stop(state, S.Returned), clock: 'not_started', noticesSent: state.noticesSent + 1 } }),
    },
  ],
  // 终止: recorded as 作废 in the GB/T 39046 result types.
  terminate: [
    {
      from: [...IN_STEPS, S.Approved, S.Denied],
      actors: ['staff'],
      requires: 'reason',
      apply: (state) => ({ state: stop(state, S.Terminated), resultType: 'voided' }),
    },
  ],
};
