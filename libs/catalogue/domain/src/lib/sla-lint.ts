import type { CaseType, LimitUnit } from './code-tables';
import { type ProcedureStep, type TimeLimit, workingDayLowerBound, workingDayUpperBound } from './procedure';

export interface SlaLintInput {
  readonly caseType: CaseType;
  /** 承诺时限. */
  readonly promised: TimeLimit;
  /** 法定时限. */
  readonly legal: TimeLimit;
  readonly steps: readonly ProcedureStep[];
}

export type SlaLintCode =
  | 'NO_STEPS'
  | 'DUPLICATE_STEP_CODE'
  | 'INVALID_STEP_LIMIT'
  | 'INVALID_LIMIT'
  | 'LAST_STEP_NOT_DECISION'
  | 'IMMEDIATE_PROMISED_NOT_ZERO'
  | 'IMMEDIATE_STEP_NOT_ZERO'
  | 'PROMISED_EXCEEDS_LEGAL'
  | 'STEPS_EXCEED_PROMISED';

export interface SlaLintError {
  code: SlaLintCode;
  /** The step the error is about (for the step sum: where the running total first went over). */
  stepCode?: string;
  message: { zh: string; en: string };
}

export interface SlaLintResult {
  ok: boolean;
  errors: SlaLintError[];
}

/** Errors that make a step list unusable even as a draft (the rest only block publishing). */
export const STRUCTURAL_LINT_CODES: readonly SlaLintCode[] = ['NO_STEPS', 'DUPLICATE_STEP_CODE', 'INVALID_STEP_LIMIT'];

export interface ItemLimitsInput {
  readonly caseType: CaseType;
  readonly promised: TimeLimit;
  readonly legal: TimeLimit;
}

/**
 * The rules about an item's own limits, without its procedure: both are whole numbers of days, the
 * promise does not exceed the legal limit, and a 即办件 promises 0. Checked when an item is saved.
 */
export function lintItemLimits(input: ItemLimitsInput): SlaLintResult {
  const errors: SlaLintError[] = [];
  const valid = checkLimit(input.promised, '承诺时限', 'promised limit', errors) && checkLimit(input.legal, '法定时限', 'legal limit', errors);
  if (input.caseType === 'immediate') {
    lintImmediatePromise(input.promised, errors);
  }
  if (valid) {
    lintPromisedWithinLegal(input.promised, input.legal, errors);
  }
  return { ok: errors.length === 0, errors };
}

/**
 * Checks that an item's procedure can keep its promises (ARCHITECTURE.md §5, 行政许可法 §42):
 * the steps' limits fit in the promised limit, which fits in the legal limit; the last step is the
 * decision; a 即办件 is decided on the spot. Every problem is reported, not only the first, so the
 * editor can show them all at once; an error about the sum names the step where it went over.
 */
export function lintProcedure(input: SlaLintInput): SlaLintResult {
  const errors: SlaLintError[] = [];
  const { steps } = input;

  if (steps.length === 0) {
    errors.push({
      code: 'NO_STEPS',
      message: { zh: '办理流程至少需要一个环节。', en: 'The procedure needs at least one step.' },
    });
  }

  const limitsValid = checkLimit(input.promised, '承诺时限', 'promised limit', errors) && checkLimit(input.legal, '法定时限', 'legal limit', errors);

  const seen = new Set<string>();
  steps.forEach((step, index) => {
    if (seen.has(step.code)) {
      errors.push({
        code: 'DUPLICATE_STEP_CODE',
        stepCode: step.code,
        message: {
          zh: `${stepZh(step, index)}的编码与前面的环节重复。`,
          en: `${stepEn(step, index)} repeats the code of an earlier step.`,
        },
      });
    }
    seen.add(step.code);
    if (!isWholeNonNegative(step.limitWorkingDays)) {
      errors.push({
        code: 'INVALID_STEP_LIMIT',
        stepCode: step.code,
        message: {
          zh: `${stepZh(step, index)}的时限必须是不小于 0 的整数个工作日，当前为 ${String(step.limitWorkingDays)}。`,
          en: `${stepEn(step, index)} needs a whole number of working days ≥ 0, not ${String(step.limitWorkingDays)}.`,
        },
      });
    }
  });

  const last = steps[steps.length - 1];
  if (last && last.post !== 'approver') {
    errors.push({
      code: 'LAST_STEP_NOT_DECISION',
      stepCode: last.code,
      message: {
        zh: `最后一个环节必须是由审批岗（approver）作出的决定，${stepZh(last, steps.length - 1)}的岗位是 ${last.post}。`,
        en: `The last step must be the decision, held by the approver post; ${stepEn(last, steps.length - 1)} is held by ${last.post}.`,
      },
    });
  }

  if (input.caseType === 'immediate') {
    lintImmediate(input, errors);
  }

  if (limitsValid) {
    lintPromisedWithinLegal(input.promised, input.legal, errors);
    if (input.caseType !== 'immediate') {
      lintStepsWithinPromised(steps, input.promised, errors);
    }
  }

  return { ok: errors.length === 0, errors };
}

/** 即办件: decided on the spot, so nothing may take a day. */
function lintImmediate(input: SlaLintInput, errors: SlaLintError[]): void {
  lintImmediatePromise(input.promised, errors);
  input.steps.forEach((step, index) => {
    if (step.limitWorkingDays !== 0 && isWholeNonNegative(step.limitWorkingDays)) {
      errors.push({
        code: 'IMMEDIATE_STEP_NOT_ZERO',
        stepCode: step.code,
        message: {
          zh: `即办件的每个环节时限必须为 0，${stepZh(step, index)}为 ${step.limitWorkingDays} 个工作日。`,
          en: `Every step of an item decided on the spot must take 0 days; ${stepEn(step, index)} takes ${step.limitWorkingDays} working days.`,
        },
      });
    }
  });
}

function lintImmediatePromise(promised: TimeLimit, errors: SlaLintError[]): void {
  if (promised.value !== 0) {
    errors.push({
      code: 'IMMEDIATE_PROMISED_NOT_ZERO',
      message: {
        zh: `即办件的承诺时限必须为 0，当前为 ${limitZh(promised)}。`,
        en: `An item decided on the spot (即办件) must promise 0 days, not ${limitEn(promised)}.`,
      },
    });
  }
}

function lintPromisedWithinLegal(promised: TimeLimit, legal: TimeLimit, errors: SlaLintError[]): void {
  // 承诺 ≤ 法定. In one unit the values compare exactly; across units the promise is taken at the
  // most working days it can hold and the legal limit at the fewest, so a pass is safe.
  const sameUnit = promised.unit === legal.unit;
  const promisedDays = sameUnit ? promised.value : workingDayUpperBound(promised);
  const legalDays = sameUnit ? legal.value : workingDayLowerBound(legal);
  if (promisedDays <= legalDays) return;
  const notes = sameUnit ? { zh: '', en: '' } : conversionNotes([
    promised.unit === 'natural_day' ? { limit: promised, zh: '承诺时限', en: 'promised limit', bound: 'upper' } : undefined,
    legal.unit === 'natural_day' ? { limit: legal, zh: '法定时限', en: 'legal limit', bound: 'lower' } : undefined,
  ]);
  errors.push({
    code: 'PROMISED_EXCEEDS_LEGAL',
    message: {
      zh: `承诺时限 ${limitZh(promised)}超过法定时限 ${limitZh(legal)}。${notes.zh}`,
      en: `The promised limit of ${limitEn(promised)} exceeds the legal limit of ${limitEn(legal)}.${notes.en}`,
    },
  });
}

function lintStepsWithinPromised(steps: readonly ProcedureStep[], promised: TimeLimit, errors: SlaLintError[]): void {
  const budget = workingDayLowerBound(promised);
  let total = 0;
  for (const [index, step] of steps.entries()) {
    if (!isWholeNonNegative(step.limitWorkingDays)) continue;
    total += step.limitWorkingDays;
    if (total > budget) {
      const sum = steps.reduce((acc, s) => acc + (isWholeNonNegative(s.limitWorkingDays) ? s.limitWorkingDays : 0), 0);
      const notes =
        promised.unit === 'natural_day'
          ? conversionNotes([{ limit: promised, zh: '承诺时限', en: 'promised limit', bound: 'lower' }])
          : { zh: '', en: '' };
      errors.push({
        code: 'STEPS_EXCEED_PROMISED',
        stepCode: step.code,
        message: {
          zh: `各环节时限之和（${sum} 个工作日）超过承诺时限 ${limitZh(promised)}：到${stepZh(step, index)}累计已达 ${total} 个工作日。${notes.zh}`,
          en: `The step limits add up to ${sum} working days, more than the promised limit of ${limitEn(promised)}: by ${stepEn(step, index)} the running total is already ${total}.${notes.en}`,
        },
      });
      return;
    }
  }
}

function checkLimit(limit: TimeLimit, zh: string, en: string, errors: SlaLintError[]): boolean {
  const unitKnown = limit.unit === 'working_day' || limit.unit === 'natural_day';
  if (unitKnown && isWholeNonNegative(limit.value)) return true;
  errors.push({
    code: 'INVALID_LIMIT',
    message: {
      zh: `${zh}必须是不小于 0 的整数个工作日或自然日，当前为 ${String(limit.value)}（${String(limit.unit)}）。`,
      en: `The ${en} must be a whole number ≥ 0 of working or calendar days, not ${String(limit.value)} (${String(limit.unit)}).`,
    },
  });
  return false;
}

interface Conversion {
  limit: TimeLimit;
  zh: string;
  en: string;
  bound: 'lower' | 'upper';
}

function conversionNotes(conversions: ReadonlyArray<Conversion | undefined>): { zh: string; en: string } {
  const used = conversions.filter((c): c is Conversion => c !== undefined);
  return {
    zh: used
      .map((c) =>
        c.bound === 'lower'
          ? `（${c.zh} ${c.limit.value} 个自然日按保守的工作日下限 floor(${c.limit.value}×5/7) = ${workingDayLowerBound(c.limit)} 个工作日计算）`
          : `（${c.zh} ${c.limit.value} 个自然日按最多 ${workingDayUpperBound(c.limit)} 个工作日保守计算）`,
      )
      .join(''),
    en: used
      .map((c) =>
        c.bound === 'lower'
          ? ` (The ${c.en} of ${c.limit.value} calendar days counts as its conservative working-day lower bound floor(${c.limit.value} × 5 / 7) = ${workingDayLowerBound(c.limit)}.)`
          : ` (The ${c.en} of ${c.limit.value} calendar days counts, conservatively, as up to ${workingDayUpperBound(c.limit)} working days.)`,
      )
      .join(''),
  };
}

function isWholeNonNegative(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

const UNIT_ZH: Record<LimitUnit, string> = { working_day: '个工作日', natural_day: '个自然日' };
const UNIT_EN: Record<LimitUnit, string> = { working_day: 'working days', natural_day: 'calendar days' };

function limitZh(limit: TimeLimit): string {
  return `${limit.value} ${UNIT_ZH[limit.unit] ?? limit.unit}`;
}

function limitEn(limit: TimeLimit): string {
  return `${limit.value} ${UNIT_EN[limit.unit] ?? limit.unit}`;
}

function stepZh(step: ProcedureStep, index: number): string {
  return `第 ${index + 1} 环节“${step.name}”（${step.code}）`;
}

function stepEn(step: ProcedureStep, index: number): string {
  return `step ${index + 1} "${step.name}" (${step.code})`;
}
