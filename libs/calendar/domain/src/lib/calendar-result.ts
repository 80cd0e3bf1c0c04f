import type { CivilDate } from './civil-date';

/**
 * Every answer says whether it rests on a guess. The State Council publishes each year's schedule
 * around November of the year before; for a year not yet published the engine still counts
 * Monday–Friday, but the answer is `provisional` and names the `uncoveredYears` it guessed for,
 * so a deadline is never silently presented as final.
 */
export interface Provisionality {
  readonly provisional: boolean;
  /** Ascending; empty exactly when `provisional` is false. */
  readonly uncoveredYears: readonly number[];
}

export interface WorkingDayStatus extends Provisionality {
  readonly date: CivilDate;
  readonly working: boolean;
}

/**
 * Why a day is (not) working, for tooltips:
 * `workday`/`weekend` (ordinary Monday–Friday rule), `public-holiday` (national day off),
 * `make-up-workday` (调休: a weekend day declared working), `centre-closed`/`centre-open`
 * (the centre's own override, which wins over the national schedule).
 */
export type DayKind =
  | 'workday'
  | 'weekend'
  | 'public-holiday'
  | 'make-up-workday'
  | 'centre-closed'
  | 'centre-open';

export interface DayDescription extends WorkingDayStatus {
  readonly kind: DayKind;
  /** The national holiday the day belongs to (e.g. 国庆节), also on its make-up days. */
  readonly holidayName: string | null;
  /** The centre override's reason, when one applies. */
  readonly overrideReason: string | null;
}

/** A deadline: the n-th counted working day after the day counting starts from. */
export interface Deadline extends Provisionality {
  readonly suspended: false;
  readonly date: CivilDate;
  /** The start day (not itself counted), after the after-hours rule. */
  readonly countedFrom: CivilDate;
}

/**
 * A deadline that cannot be dated yet: a pause that is still open (`to: null`) stopped the clock
 * before the limit ran out. It becomes a {@link Deadline} once the pause has a resume date.
 */
export interface SuspendedDeadline extends Provisionality {
  readonly suspended: true;
  readonly date: null;
  readonly countedFrom: CivilDate;
  /** The start date of the open pause. */
  readonly pausedSince: CivilDate;
  /** Working days of the limit still left when the clock stopped. */
  readonly remainingWorkingDays: number;
}

export interface WorkingDayCount extends Provisionality {
  /** Counted working days; negative when counting backwards. */
  readonly days: number;
}

export interface RemainingWorkingDays extends Provisionality {
  /**
   * Counted working days after today up to and including the deadline: 0 = due today,
   * negative = that many working days have begun since the deadline.
   */
  readonly remaining: number;
  /**
   * Today is after the deadline. Needed beside `remaining` because the weekend after a Friday
   * deadline is overdue while no working day has been lost yet (`remaining` is 0 there).
   */
  readonly overdue: boolean;
}

export interface CalendarCoverage {
  readonly fromYear: number;
  readonly toYear: number;
  /** Published years, ascending (normally contiguous). */
  readonly years: readonly number[];
}
