import {
  type ApplicationState,
  type TransitionContext,
  type TransitionResult,
  assertConsistentState,
} from './application-state';
import { type Refusal, notAllowedIn, refusal, wrongPost } from './transition-messages';
import { TRANSITION_RULES, type TransitionClause } from './transition-rules';
import { APPLICATION_ACTIONS, type ApplicationAction, SPECIAL_PROCEDURE_KINDS, isOneOf } from './vocabulary';

export { initialState } from './application-state';

/**
 * Applies one action. Pure: the state passed in is not modified. A refusal carries a code for
 * the API and a message for the person who tried; an allowed action carries the new state, the
 * event to append and, when the application reaches a result, its GB/T 39046 result type.
 * Throws only on a state that is itself inconsistent (see `stateInvariantViolations`).
 */
export function transition(
  state: ApplicationState,
  action: ApplicationAction,
  context: TransitionContext,
): TransitionResult {
  assertConsistentState(state);
  const found = findClause(state, action, context);
  if ('code' in found) return { ok: false, ...found };
  const missing = missingInput(found, context);
  if (missing) return { ok: false, ...missing };
  const outcome = found.apply(state, context);
  return {
    ok: true,
    state: outcome.state,
    ...(outcome.resultType ? { resultType: outcome.resultType } : {}),
    event: {
      action,
      from: state.status,
      to: outcome.state.status,
      fromStep: state.currentStep,
      toStep: outcome.state.currentStep,
    },
  };
}

/**
 * The actions this actor could take now, for the UI's buttons. Input the actor still has to
 * type (a reason, the kind of special procedure) is not required here: the button is shown and
 * the form asks for it (see `actionRequires`).
 */
export function allowedActions(state: ApplicationState, context: TransitionContext): ApplicationAction[] {
  assertConsistentState(state);
  return APPLICATION_ACTIONS.filter((action) => !('code' in findClause(state, action, context)));
}

/** What the actor must supply with an action, so the UI can ask for it up front. */
export function actionRequires(action: ApplicationAction): 'reason' | 'special_procedure' | null {
  return TRANSITION_RULES[action][0]?.requires ?? null;
}

/** Status, actor, post, clock and guards, in that order (see `transition-rules.ts`). */
function findClause(
  state: ApplicationState,
  action: ApplicationAction,
  context: TransitionContext,
): TransitionClause | Refusal {
  if (!isOneOf(APPLICATION_ACTIONS, action)) return refusal('TRANSITION_NOT_ALLOWED');
  const forStatus = TRANSITION_RULES[action].filter((clause) => clause.from.includes(state.status));
  if (forStatus.length === 0) return notAllowedIn(action, state.status);
  const forActor = forStatus.filter((clause) => clause.actors.includes(context.actor));
  if (forActor.length === 0) return refusal('WRONG_ACTOR');
  const clause = forActor.find((candidate) => context.actor !== 'staff' || holdsPost(candidate, context.post));
  if (!clause) return wrongPost(action, [...new Set(forActor.flatMap((candidate) => candidate.posts ?? []))]);
  if (clause.needsRunningClock && state.clock === 'paused') return refusal('CLOCK_PAUSED');
  for (const guard of clause.guards ?? []) {
    const refused = guard(state);
    if (refused) return refused;
  }
  return clause;
}

/** A clause without posts admits any staff member; one with posts needs one of them. */
function holdsPost(clause: TransitionClause, post: TransitionContext['post']): boolean {
  return !clause.posts || (post !== undefined && clause.posts.includes(post));
}

function missingInput(clause: TransitionClause, context: TransitionContext): Refusal | null {
  if (clause.requires === 'reason' && !(typeof context.reason === 'string' && context.reason.trim() !== '')) {
    return refusal('REASON_REQUIRED');
  }
  if (clause.requires === 'special_procedure' && !isOneOf(SPECIAL_PROCEDURE_KINDS, context.specialProcedure)) {
    // The kind is the legal reason for the pause (行政许可法 §45), so it is asked for like one.
    return refusal('REASON_REQUIRED', {
      zh: '请选择特别程序的类型（听证、检验、检测、检疫、鉴定、专家评审、现场验收）',
      en:
        'Name the special procedure (hearing, testing, inspection, quarantine, appraisal, expert review, ' +
        'on-site inspection)',
    });
  }
  return null;
}
