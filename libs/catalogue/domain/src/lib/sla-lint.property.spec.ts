import fc from 'fast-check';
import { codesOf, STEP_POSTS } from './code-tables';
import { type ProcedureStep, type TimeLimit, workingDayLowerBound } from './procedure';
import { lintProcedure } from './sla-lint';

const limitArb: fc.Arbitrary<TimeLimit> = fc.record({
  value: fc.integer({ min: 0, max: 90 }),
  unit: fc.constantFrom('working_day' as const, 'natural_day' as const),
});

const stepsArb: fc.Arbitrary<ProcedureStep[]> = fc
  .array(fc.record({ post: fc.constantFrom(...codesOf(STEP_POSTS)), limitWorkingDays: fc.integer({ min: 0, max: 15 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((steps) => steps.map((step, i) => ({ ...step, code: `S${i + 1}`, name: `环节${i + 1}` })));

describe('lintProcedure properties', () => {
  it('is ok exactly when it reports no errors', () => {
    fc.assert(
      fc.property(fc.constantFrom('promised' as const, 'immediate' as const), limitArb, limitArb, stepsArb, (caseType, promised, legal, steps) => {
        const result = lintProcedure({ caseType, promised, legal, steps });
        expect(result.ok).toBe(result.errors.length === 0);
      }),
    );
  });

  it('names, for a step sum over the promise, the first step whose running total exceeds it', () => {
    fc.assert(
      fc.property(limitArb, stepsArb, (promised, steps) => {
        const legal: TimeLimit = { value: 1000, unit: 'working_day' };
        const error = lintProcedure({ caseType: 'promised', promised, legal, steps }).errors.find((e) => e.code === 'STEPS_EXCEED_PROMISED');
        const budget = workingDayLowerBound(promised);
        const totals = steps.map((_, i) => steps.slice(0, i + 1).reduce((sum, s) => sum + s.limitWorkingDays, 0));
        const firstOver = totals.findIndex((total) => total > budget);
        expect(error?.stepCode).toBe(firstOver === -1 ? undefined : steps[firstOver].code);
      }),
    );
  });

  it('accepts every well-formed procedure that keeps its promises', () => {
    fc.assert(
      fc.property(stepsArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (steps, slack, legalSlack) => {
        const decided = [...steps.slice(0, -1), { ...steps[steps.length - 1], post: 'approver' as const }];
        const sum = decided.reduce((total, s) => total + s.limitWorkingDays, 0);
        const promised: TimeLimit = { value: sum + slack, unit: 'working_day' };
        const legal: TimeLimit = { value: sum + slack + legalSlack, unit: 'working_day' };
        expect(lintProcedure({ caseType: 'promised', promised, legal, steps: decided })).toEqual({ ok: true, errors: [] });
      }),
    );
  });

  it('never lets a natural-day promise hold more working days than it has calendar days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const lower = workingDayLowerBound({ value: n, unit: 'natural_day' });
        expect(lower).toBeLessThanOrEqual(n);
        expect(lower).toBe(Math.floor((n * 5) / 7));
        expect(workingDayLowerBound({ value: n + 1, unit: 'natural_day' })).toBeGreaterThanOrEqual(lower);
      }),
    );
  });
});
