import fc from 'fast-check';
import { type ApplicationState, type TransitionContext, stateInvariantViolations } from './application-state';
import { allowedActions, initialState, transition } from './application-state-machine';
import { APPLICATION_STATUSES, ApplicationStatus as S, isFinalStatus } from './application-status';
import { APPLICATION_ACTIONS, type ApplicationAction, CASE_TYPES, SPECIAL_PROCEDURE_KINDS } from './vocabulary';

/*
 * Random lives of an application. Half of the steps pick an action the UI would offer (so runs
 * get deep: accepted, paused, decided, completed), the others anything at all, by anyone.
 * Between actions the originals check may happen, as it does outside the machine.
 */

const contextArb: fc.Arbitrary<TransitionContext> = fc.record(
  {
    actor: fc.constantFrom('applicant', 'staff', 'system'),
    post: fc.constantFrom('window_clerk', 'reviewer', 'approver', 'supervisor', 'centre_admin'),
    reason: fc.constantFrom('依法说明理由', '', '  '),
    specialProcedure: fc.constantFrom(...SPECIAL_PROCEDURE_KINDS),
  },
  { requiredKeys: ['actor'] },
);

const commandArb = fc.oneof(
  fc.record({
    kind: fc.constant('offered' as const),
    pick: fc.noBias(fc.nat()),
    mayEnd: fc.noBias(fc.integer({ min: 0, max: 7 })).map((n) => n === 0),
    forward: fc.noBias(fc.boolean()),
  }),
  fc.record({ kind: fc.constant('any' as const), action: fc.constantFrom(...APPLICATION_ACTIONS), context: contextArb }),
  fc.constant({ kind: 'originals_checked' as const }),
);

const startArb = fc
  .record({ caseType: fc.constantFrom(...CASE_TYPES), stepCount: fc.integer({ min: 1, max: 5 }), originalsCheckRequired: fc.boolean() })
  .map((input) => initialState(input));

/** What a UI would send: the offered action, with the reason and kind filled in. */
function withInput(context: TransitionContext): TransitionContext {
  return { ...context, reason: '依法说明理由', specialProcedure: context.specialProcedure ?? 'hearing' };
}

const PARTICIPANTS: readonly TransitionContext[] = [
  { actor: 'applicant' },
  { actor: 'system' },
  { actor: 'staff', post: 'window_clerk' },
  { actor: 'staff', post: 'reviewer' },
  { actor: 'staff', post: 'approver' },
  { actor: 'staff', post: 'supervisor' },
];

const ENDING: readonly ApplicationAction[] = ['withdraw', 'terminate', 'not_accept'];
const FORWARD: readonly ApplicationAction[] = ['submit', 'resubmit', 'accept', 'pass_step', 'approve', 'deny', 'end_special_procedure', 'complete'];

const reached = new Set<S>();

describe('random action sequences', () => {
  it('keep the state consistent, final statuses final, counters monotone, events truthful', () => {
    fc.assert(
      fc.property(startArb, fc.array(commandArb, { maxLength: 60 }), (start, commands) => {
        let state: ApplicationState = start;
        for (const command of commands) {
          if (command.kind === 'originals_checked') {
            state = { ...state, originalsVerified: true };
            continue;
          }
          let action: ApplicationAction;
          let context: TransitionContext;
          if (command.kind === 'offered') {
            // Any button any participant would see right now; the ones that end the case early
            // only now and then, and half the time forward if possible, so that runs get deep.
            const buttons = PARTICIPANTS.flatMap((who) => allowedActions(state, who).map((a) => [a, who] as const)).filter(
              ([a]) => command.mayEnd || !ENDING.includes(a),
            );
            const forward = buttons.filter(([a]) => FORWARD.includes(a));
            const offered = command.forward && forward.length > 0 ? forward : buttons;
            if (offered.length === 0) continue;
            [action, context] = offered[command.pick % offered.length];
            context = withInput(context);
          } else {
            ({ action, context } = command);
          }
          const before = state;
          const result = transition(before, action, context);

          // allowedActions is exactly "would succeed once the form is filled in".
          const isOffered = allowedActions(before, context).includes(action);
          expect(transition(before, action, withInput(context)).ok).toBe(isOffered);

          if (!result.ok) {
            expect(result.message.zh).not.toBe('');
            expect(result.message.en).not.toBe('');
            continue;
          }
          const after = result.state;
          expect(isFinalStatus(before.status)).toBe(false);
          expect(stateInvariantViolations(after)).toEqual([]);
          expect(result.event).toEqual({
            action,
            from: before.status,
            to: after.status,
            fromStep: before.currentStep,
            toStep: after.currentStep,
          });
          expect(after.noticesSent).toBe(before.noticesSent + (action === 'return_with_notice' || action === 'originals_mismatch' ? 1 : 0));
          if (before.extensionUsed) expect(after.extensionUsed).toBe(true);
          // Only the attestation of an originals check changes it, and only from false to true.
          expect(after.originalsVerified).toBe(before.originalsVerified || action === 'originals_verified');
          expect([after.caseType, after.stepCount, after.originalsCheckRequired]).toEqual([
            before.caseType,
            before.stepCount,
            before.originalsCheckRequired,
          ]);
          if (after.currentStep !== null && before.currentStep !== null) {
            expect(Math.abs(after.currentStep - before.currentStep)).toBeLessThanOrEqual(1);
          }
          if (result.resultType !== undefined) expect(isFinalStatus(after.status)).toBe(true);
          if (after.status === S.Completed) expect(result.resultType).toBeDefined();
          if (after.status === S.Completed && before.status === S.Approved && before.originalsCheckRequired) {
            expect(before.originalsVerified).toBe(true);
          }
          reached.add(after.status);
          state = after;
        }
        // A final status accepts nothing, from anyone.
        if (isFinalStatus(state.status)) {
          for (const action of APPLICATION_ACTIONS) {
            expect(transition(state, action, withInput({ actor: 'staff', post: 'approver' })).ok).toBe(false);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('reach every status an online application can be in', () => {
    // The counter statuses (16, 24, 26, 28) are never entered by the machine: see transition-rules.ts.
    const counter = [S.PreReviewPassed, S.AwaitingPaper, S.ReceivedAtCounter, S.CorrectionRequested];
    expect([...reached].sort((a, b) => a - b)).toEqual(APPLICATION_STATUSES.filter((s) => s !== S.Draft && !counter.includes(s)));
  });
});
