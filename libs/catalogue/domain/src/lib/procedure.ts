import type { LimitUnit, StepPost } from './code-tables';

/** A time limit as the catalogue states it: a value and its unit (工作日 or 自然日). */
export interface TimeLimit {
  readonly value: number;
  readonly unit: LimitUnit;
}

/** One step (环节) of an item's procedure: who handles it and within how many working days. */
export interface ProcedureStep {
  readonly code: string;
  readonly name: string;
  readonly post: StepPost;
  readonly limitWorkingDays: number;
}

/**
 * The most working days a natural-day limit can be relied on to contain: a full week has five
 * working days, so n calendar days hold at least floor(n × 5 / 7) of them outside holiday weeks.
 * This is the conservative bound the SLA lint compares with (holiday weeks make it optimistic,
 * which is why the limits themselves stay in their own unit and deadlines use the real calendar).
 */
export function workingDayLowerBound(limit: TimeLimit): number {
  return limit.unit === 'working_day' ? limit.value : Math.floor((limit.value * 5) / 7);
}

/** At most this many working days fit in the limit (n calendar days contain at most n working days). */
export function workingDayUpperBound(limit: TimeLimit): number {
  return limit.value;
}
