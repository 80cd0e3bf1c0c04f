import type { ProcedureStep } from './procedure';
import { lintItemLimits, lintProcedure, type SlaLintInput } from './sla-lint';

const accept: ProcedureStep = { code: 'ACCEPT', name: '受理', post: 'window_clerk', limitWorkingDays: 1 };
const review: ProcedureStep = { code: 'REVIEW', name: '审查', post: 'reviewer', limitWorkingDays: 5 };
const decide: ProcedureStep = { code: 'DECIDE', name: '决定', post: 'approver', limitWorkingDays: 3 };

/** 食品经营许可: legal 20, promised 10 working days, three steps adding up to 9. */
function foodLicence(overrides: Partial<SlaLintInput> = {}): SlaLintInput {
  return {
    caseType: 'promised',
    promised: { value: 10, unit: 'working_day' },
    legal: { value: 20, unit: 'working_day' },
    steps: [accept, review, decide],
    ...overrides,
  };
}

function codes(input: SlaLintInput): string[] {
  return lintProcedure(input).errors.map((e) => e.code);
}

describe('lintProcedure', () => {
  it('passes a procedure whose steps fit the promised limit, which fits the legal one', () => {
    expect(lintProcedure(foodLicence())).toEqual({ ok: true, errors: [] });
  });

  it('passes when the steps use the promised limit exactly', () => {
    expect(lintProcedure(foodLicence({ steps: [accept, review, { ...decide, limitWorkingDays: 4 }] })).ok).toBe(true);
  });

  it('refuses a procedure without steps', () => {
    const result = lintProcedure(foodLicence({ steps: [] }));
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['NO_STEPS']);
  });

  it('names each step that repeats an earlier code', () => {
    const result = lintProcedure(foodLicence({ steps: [accept, { ...review, code: 'ACCEPT' }, decide] }));
    expect(result.errors).toEqual([expect.objectContaining({ code: 'DUPLICATE_STEP_CODE', stepCode: 'ACCEPT' })]);
    expect(result.errors[0].message.zh).toContain('第 2 环节“审查”');
  });

  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses a step limit of %s', (limit) => {
    const result = lintProcedure(foodLicence({ steps: [accept, { ...review, limitWorkingDays: limit }, decide] }));
    expect(result.errors).toEqual([expect.objectContaining({ code: 'INVALID_STEP_LIMIT', stepCode: 'REVIEW' })]);
  });

  it.each([
    ['promised', { promised: { value: -1, unit: 'working_day' as const } }],
    ['legal', { legal: { value: 2.5, unit: 'working_day' as const } }],
  ])('refuses a malformed %s limit', (_which, overrides) => {
    expect(codes(foodLicence(overrides))).toEqual(['INVALID_LIMIT']);
  });

  it('requires the last step to be the decision, held by the approver', () => {
    const result = lintProcedure(foodLicence({ steps: [accept, review] }));
    expect(result.errors).toEqual([expect.objectContaining({ code: 'LAST_STEP_NOT_DECISION', stepCode: 'REVIEW' })]);
    expect(result.errors[0].message.en).toContain('approver');
  });

  it('names the step at which the running total first exceeds the promised limit', () => {
    const result = lintProcedure(
      foodLicence({
        steps: [accept, { ...review, limitWorkingDays: 8 }, { code: 'CHECK', name: '现场核查', post: 'reviewer', limitWorkingDays: 2 }, decide],
      }),
    );
    // 1 + 8 = 9 fits, + 2 = 11 is over 10 at CHECK (not at DECIDE, the last step).
    expect(result.errors).toEqual([expect.objectContaining({ code: 'STEPS_EXCEED_PROMISED', stepCode: 'CHECK' })]);
    expect(result.errors[0].message.zh).toContain('第 3 环节“现场核查”（CHECK）');
    expect(result.errors[0].message.zh).toContain('14 个工作日');
    expect(result.errors[0].message.en).toContain('running total is already 11');
  });

  it('names the first step when it alone exceeds the promised limit', () => {
    const result = lintProcedure(foodLicence({ steps: [{ ...accept, limitWorkingDays: 11 }, review, decide] }));
    expect(result.errors.map((e) => [e.code, e.stepCode])).toEqual([['STEPS_EXCEED_PROMISED', 'ACCEPT']]);
  });

  it('reports a promise longer than the legal limit as its own error', () => {
    const result = lintProcedure(foodLicence({ promised: { value: 25, unit: 'working_day' } }));
    expect(result.errors.map((e) => e.code)).toEqual(['PROMISED_EXCEEDS_LEGAL']);
    expect(result.errors[0].stepCode).toBeUndefined();
    expect(result.errors[0].message.zh).toContain('承诺时限 25 个工作日超过法定时限 20 个工作日');
  });

  it('reports both when the promise exceeds the legal limit and the steps exceed the promise', () => {
    const result = lintProcedure(foodLicence({ promised: { value: 3, unit: 'working_day' }, legal: { value: 2, unit: 'working_day' } }));
    expect(result.errors.map((e) => [e.code, e.stepCode])).toEqual([
      ['PROMISED_EXCEEDS_LEGAL', undefined],
      ['STEPS_EXCEED_PROMISED', 'REVIEW'],
    ]);
  });

  describe('natural-day limits', () => {
    it('compares steps with floor(n × 5 / 7) working days of a natural-day promise, and says so', () => {
      // 14 calendar days hold at least 10 working days: 1 + 5 + 3 = 9 fits, 1 + 5 + 5 = 11 does not.
      expect(lintProcedure(foodLicence({ promised: { value: 14, unit: 'natural_day' }, legal: { value: 30, unit: 'natural_day' } })).ok).toBe(true);
      const result = lintProcedure(
        foodLicence({
          promised: { value: 14, unit: 'natural_day' },
          legal: { value: 30, unit: 'natural_day' },
          steps: [accept, review, { ...decide, limitWorkingDays: 5 }],
        }),
      );
      expect(result.errors).toEqual([expect.objectContaining({ code: 'STEPS_EXCEED_PROMISED', stepCode: 'DECIDE' })]);
      expect(result.errors[0].message.zh).toContain('floor(14×5/7) = 10 个工作日');
      expect(result.errors[0].message.en).toContain('conservative working-day lower bound floor(14 × 5 / 7) = 10');
    });

    it('rounds the lower bound down: 13 calendar days count as 9 working days', () => {
      const steps = [accept, review, { ...decide, limitWorkingDays: 4 }];
      expect(codes(foodLicence({ promised: { value: 13, unit: 'natural_day' }, legal: { value: 60, unit: 'natural_day' }, steps }))).toEqual([
        'STEPS_EXCEED_PROMISED',
      ]);
      expect(codes(foodLicence({ promised: { value: 14, unit: 'natural_day' }, legal: { value: 60, unit: 'natural_day' }, steps }))).toEqual([]);
    });

    it('compares two natural-day limits exactly', () => {
      expect(codes(foodLicence({ promised: { value: 30, unit: 'natural_day' }, legal: { value: 30, unit: 'natural_day' } }))).toEqual([]);
      expect(codes(foodLicence({ promised: { value: 31, unit: 'natural_day' }, legal: { value: 30, unit: 'natural_day' } }))).toEqual([
        'PROMISED_EXCEEDS_LEGAL',
      ]);
    });

    it('takes a natural-day legal limit at its working-day lower bound against a working-day promise', () => {
      // 医疗机构执业登记: 45 calendar days ≥ floor(45 × 5 / 7) = 32 working days.
      expect(codes(foodLicence({ promised: { value: 32, unit: 'working_day' }, legal: { value: 45, unit: 'natural_day' }, steps: [accept, decide] }))).toEqual([]);
      const result = lintProcedure(foodLicence({ promised: { value: 33, unit: 'working_day' }, legal: { value: 45, unit: 'natural_day' } }));
      expect(result.errors.map((e) => e.code)).toEqual(['PROMISED_EXCEEDS_LEGAL']);
      expect(result.errors[0].message.zh).toContain('floor(45×5/7) = 32');
    });

    it('takes a natural-day promise at up to as many working days against a working-day legal limit', () => {
      expect(codes(foodLicence({ promised: { value: 20, unit: 'natural_day' }, legal: { value: 20, unit: 'working_day' } }))).toEqual([]);
      const result = lintProcedure(foodLicence({ promised: { value: 21, unit: 'natural_day' }, legal: { value: 20, unit: 'working_day' } }));
      expect(result.errors.map((e) => e.code)).toEqual(['PROMISED_EXCEEDS_LEGAL']);
      expect(result.errors[0].message.en).toContain('up to 21 working days');
    });
  });

  describe('即办件 (decided on the spot)', () => {
    const onTheSpot = [
      { ...accept, limitWorkingDays: 0 },
      { ...decide, limitWorkingDays: 0 },
    ];

    it('passes with a promise of 0 and every step at 0', () => {
      expect(lintProcedure(foodLicence({ caseType: 'immediate', promised: { value: 0, unit: 'working_day' }, steps: onTheSpot })).ok).toBe(true);
    });

    it('refuses a promise other than 0', () => {
      expect(codes(foodLicence({ caseType: 'immediate', promised: { value: 1, unit: 'working_day' }, steps: onTheSpot }))).toEqual([
        'IMMEDIATE_PROMISED_NOT_ZERO',
      ]);
    });

    it('names every step that takes a day', () => {
      const result = lintProcedure(
        foodLicence({ caseType: 'immediate', promised: { value: 0, unit: 'working_day' }, steps: [accept, { ...review, limitWorkingDays: 0 }, decide] }),
      );
      expect(result.errors.map((e) => [e.code, e.stepCode])).toEqual([
        ['IMMEDIATE_STEP_NOT_ZERO', 'ACCEPT'],
        ['IMMEDIATE_STEP_NOT_ZERO', 'DECIDE'],
      ]);
    });
  });

  it('reports every problem at once, each message in both languages', () => {
    const result = lintProcedure({
      caseType: 'promised',
      promised: { value: 30, unit: 'working_day' },
      legal: { value: 20, unit: 'working_day' },
      steps: [
        { ...accept, limitWorkingDays: -2 },
        { ...accept, limitWorkingDays: 40 },
        { ...review, limitWorkingDays: 1 },
      ],
    });
    expect(result.errors.map((e) => e.code).sort()).toEqual(
      ['DUPLICATE_STEP_CODE', 'INVALID_STEP_LIMIT', 'LAST_STEP_NOT_DECISION', 'PROMISED_EXCEEDS_LEGAL', 'STEPS_EXCEED_PROMISED'].sort(),
    );
    for (const error of result.errors) {
      expect(error.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.message.en).toMatch(/[a-z]/);
    }
  });
});

describe('lintItemLimits', () => {
  it('checks the limits alone, as an item is saved', () => {
    const working = (value: number) => ({ value, unit: 'working_day' as const });
    expect(lintItemLimits({ caseType: 'promised', promised: working(10), legal: working(20) })).toEqual({ ok: true, errors: [] });
    expect(lintItemLimits({ caseType: 'promised', promised: working(21), legal: working(20) }).errors.map((e) => e.code)).toEqual(['PROMISED_EXCEEDS_LEGAL']);
    expect(lintItemLimits({ caseType: 'immediate', promised: working(1), legal: working(20) }).errors.map((e) => e.code)).toEqual([
      'IMMEDIATE_PROMISED_NOT_ZERO',
    ]);
    expect(lintItemLimits({ caseType: 'immediate', promised: working(0), legal: working(0) }).ok).toBe(true);
    expect(lintItemLimits({ caseType: 'promised', promised: working(-1), legal: working(20) }).errors.map((e) => e.code)).toEqual(['INVALID_LIMIT']);
  });
});
