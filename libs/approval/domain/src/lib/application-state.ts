import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  isPreAcceptanceStatus,
  isStepStatus,
} from './application-status';
import type { LocalizedText } from './localized-text';
import {
  type ApplicationAction,
  type CaseType,
  CASE_TYPES,
  type ClockState,
  type ResultType,
  SPECIAL_PROCEDURE_KINDS,
  type SpecialProcedureKind,
  type StepPost,
  isOneOf,
} from './vocabulary';

/** What the status machine needs to know about one application; the server stores it in columns. */
export interface ApplicationState {
  status: ApplicationStatus;
  clock: ClockState;
  /** index into the pinned procedure's steps while status is Accepted/AcceptedMaterialsOwed; null otherwise */
  currentStep: number | null;
  /** Steps in the pinned procedure version; the last one is the decision step. */
  stepCount: number;
  caseType: CaseType;
  originalsCheckRequired: boolean;
  /** Set by the originals check (原件核验), outside the machine. */
  originalsVerified: boolean;
  /** 行政许可法 §42: +10 working days, once. */
  extensionUsed: boolean;
  /** The §45 special procedure holding the clock; set exactly while `clock` is `paused`. */
  openSpecialProcedure: SpecialProcedureKind | null;
  /** One-time notices sent so far (行政许可法 §32). */
  noticesSent: number;
}

export type TransitionActor = 'applicant' | 'staff' | 'system';
export type TransitionPost = StepPost | 'supervisor' | 'centre_admin';

export interface TransitionContext {
  actor: TransitionActor;
  /** The post the staff member acts in; the server has already checked they hold it for this step. */
  post?: TransitionPost;
  reason?: string;
  specialProcedure?: SpecialProcedureKind;
}

export type TransitionErrorCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'WRONG_ACTOR'
  | 'WRONG_POST'
  | 'REASON_REQUIRED'
  | 'CLOCK_PAUSED'
  | 'NO_SPECIAL_PROCEDURE_OPEN'
  | 'SPECIAL_PROCEDURE_ALREADY_OPEN'
  | 'EXTENSION_ALREADY_USED'
  | 'ORIGINALS_NOT_VERIFIED'
  | 'NOT_AT_DECISION_STEP'
  | 'AT_FIRST_STEP';

/** What the server appends to the application's event log (with who, when and the comment). */
export interface TransitionEvent {
  action: ApplicationAction;
  from: ApplicationStatus;
  to: ApplicationStatus;
  fromStep: number | null;
  toStep: number | null;
}

export type TransitionResult =
  | { ok: true; state: ApplicationState; resultType?: ResultType; event: TransitionEvent }
  | { ok: false; code: TransitionErrorCode; message: LocalizedText };

/** The state of a new draft: nothing counted yet. */
export function initialState(input: {
  caseType: CaseType;
  stepCount: number;
  originalsCheckRequired: boolean;
}): ApplicationState {
  const state: ApplicationState = {
    status: ApplicationStatus.Draft,
    clock: 'not_started',
    currentStep: null,
    stepCount: input.stepCount,
    caseType: input.caseType,
    originalsCheckRequired: input.originalsCheckRequired,
    originalsVerified: false,
    extensionUsed: false,
    openSpecialProcedure: null,
    noticesSent: 0,
  };
  assertConsistentState(state);
  return state;
}

/**
 * The clock each status implies: nothing counts before acceptance; the legal limit (§42) runs
 * while the steps are in progress (or is paused by a §45 special procedure); the decision stops
 * it, and a final status never restarts it. The §44 limit for issuing the licence after the
 * decision is a separate deadline computed from the decision date, not this clock.
 */
export function clockStatesFor(status: ApplicationStatus): readonly ClockState[] {
  if (isPreAcceptanceStatus(status)) return ['not_started'];
  if (isStepStatus(status)) return ['running', 'paused'];
  return ['stopped'];
}

/**
 * Everything that is wrong with a state, empty when it is consistent. The machine only ever
 * produces consistent states; this guards against states rebuilt wrongly from storage.
 */
export function stateInvariantViolations(state: ApplicationState): string[] {
  const problems: string[] = [];
  if (!APPLICATION_STATUSES.includes(state.status)) problems.push(`unknown status ${String(state.status)}`);
  if (!isOneOf(CASE_TYPES, state.caseType)) problems.push(`unknown case type ${String(state.caseType)}`);
  const minSteps = state.caseType === 'immediate' ? 0 : 1;
  if (!Number.isSafeInteger(state.stepCount) || state.stepCount < minSteps) {
    problems.push(`stepCount must be a whole number ≥ ${minSteps} for a ${state.caseType} case, got ${state.stepCount}`);
  }
  if (isStepStatus(state.status)) {
    const step = state.currentStep;
    if (step === null || !Number.isSafeInteger(step) || step < 0 || step >= state.stepCount) {
      problems.push(`currentStep must be in 0…${state.stepCount - 1} in status ${state.status}, got ${step}`);
    }
  } else if (state.currentStep !== null) {
    problems.push(`currentStep must be null in status ${state.status}`);
  }
  if (!clockStatesFor(state.status).includes(state.clock)) {
    problems.push(`clock ${state.clock} is impossible in status ${state.status}`);
  }
  if ((state.clock === 'paused') !== (state.openSpecialProcedure !== null)) {
    problems.push('the clock is paused exactly while a special procedure is open');
  }
  if (state.openSpecialProcedure !== null && !isOneOf(SPECIAL_PROCEDURE_KINDS, state.openSpecialProcedure)) {
    problems.push(`unknown special procedure ${String(state.openSpecialProcedure)}`);
  }
  if (!Number.isSafeInteger(state.noticesSent) || state.noticesSent < 0) {
    problems.push(`noticesSent must be a whole number ≥ 0, got ${state.noticesSent}`);
  }
  return problems;
}

export function assertConsistentState(state: ApplicationState): void {
  const problems = stateInvariantViolations(state);
  if (problems.length > 0) throw new RangeError(`Inconsistent application state: ${problems.join('; ')}`);
}
