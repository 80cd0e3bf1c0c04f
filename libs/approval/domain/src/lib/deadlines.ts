import {
  type CivilDate,
  type DateInput,
  type Deadline,
  type Pause,
  type Provisionality,
  type WorkingDayCalendar,
  chinaCivilDate,
  isCivilDate,
} from '@zhengwu/calendar/domain';
import type { SupervisionLevel } from './vocabulary';

/*
 * Deadlines of an accepted application, on the centre's working-day calendar.
 *
 * Working-day limits (行政许可法 §82) are the calendar engine's: the day of acceptance is not
 * counted, the deadline is the n-th working day after it, §45 pauses do not count, and a
 * deadline in a year whose holidays are not yet published is `provisional`.
 *
 * Natural-day limits (some public services) count calendar days the same way: the start day is
 * not counted and the deadline is start + n days. Paused days are added back day for day, under
 * the engine's pause rule (the days after the pause's start up to and including its resume date
 * do not count). If the deadline then falls on a day that is not a working day (a weekend, a
 * holiday, a centre closure), it moves to the next working day, as deadlines do in Chinese
 * administrative practice (cf. 民法典 §203, 民事诉讼法 §85 for periods ending on a holiday).
 *
 * The §42 extension (+10 working days, once) is given in working days whatever the limit's unit,
 * and moves BOTH the promised and the legal deadline: it is granted by the head of the agency
 * and the applicant is told the new date, so supervision must not count the case overdue
 * against the old promise.
 */

export interface LimitSpec {
  value: number;
  unit: 'working_day' | 'natural_day';
}

export interface CaseDeadlines {
  /** `YYYY-MM-DD`; null while a special procedure holds the clock and the limit is not yet used up. */
  promisedDue: string | null;
  legalDue: string | null;
  provisional: boolean;
  uncoveredYears: number[];
  suspended: boolean;
}

export interface StepDeadline {
  due: string | null;
  provisional: boolean;
  uncoveredYears: number[];
  suspended: boolean;
}

/** Promised (承诺) and legal (法定) deadlines, counted from acceptance. */
export function caseDeadlines(
  calendar: WorkingDayCalendar,
  input: {
    acceptedAt: Date;
    promised: LimitSpec;
    legal: LimitSpec;
    extensionWorkingDays: number;
    pauses: Pause[];
    afterHoursCutoff?: string;
  },
): CaseDeadlines {
  assertWholeNumber(input.extensionWorkingDays, 'extensionWorkingDays');
  const counting = { pauses: input.pauses, afterHoursCutoff: input.afterHoursCutoff, extension: input.extensionWorkingDays };
  const promised = limitDue(calendar, input.acceptedAt, input.promised, counting);
  const legal = limitDue(calendar, input.acceptedAt, input.legal, counting);
  return {
    promisedDue: promised.date,
    legalDue: legal.date,
    ...merge([promised, legal]),
    suspended: promised.suspended || legal.suspended,
  };
}

/** A step's deadline (steps have their own limits and are supervised on their own). */
export function stepDeadline(
  calendar: WorkingDayCalendar,
  input: { startedAt: Date; limitWorkingDays: number; pauses: Pause[] },
): StepDeadline {
  const due = calendar.addWorkingDays(input.startedAt, input.limitWorkingDays, { pauses: input.pauses });
  return { due: due.date, provisional: due.provisional, uncoveredYears: [...due.uncoveredYears], suspended: due.suspended };
}

/**
 * 行政许可法 §32: the one-time notice is due on the spot or within 5 working days of receiving
 * the materials. `date` is the 5th working day after submission, the last day to pre-review:
 * from the next day on, an application not returned or refused counts as accepted. Note that the
 * acceptance then dates from RECEIPT (`receivedOn`), not from `date`: "自收到申请材料之日起即为
 * 受理", so its case deadlines must be counted from the submission.
 */
export function preReviewDeemedAcceptanceDate(
  calendar: WorkingDayCalendar,
  submittedAt: Date,
  options: { afterHoursCutoff?: string } = {},
): { date: string; provisional: boolean; uncoveredYears: number[]; receivedOn: string } {
  const due = calendar.addWorkingDays(submittedAt, PRE_REVIEW_WORKING_DAYS, { afterHoursCutoff: options.afterHoursCutoff });
  return {
    date: due.date,
    provisional: due.provisional,
    uncoveredYears: [...due.uncoveredYears],
    receivedOn: chinaCivilDate(submittedAt),
  };
}

export const PRE_REVIEW_WORKING_DAYS = 5;

/**
 * Electronic supervision (电子监察): red once the deadline has passed (from the day after it, a
 * deadline being a whole day), yellow when at most `yellowWithinWorkingDays` working days are
 * left (0 = due today), normal otherwise. A suspended deadline (`null`) is normal: the clock
 * is paused.
 */
export function supervisionLevelFor(
  calendar: WorkingDayCalendar,
  now: Date,
  due: string | null,
  yellowWithinWorkingDays: number,
): SupervisionLevel {
  assertWholeNumber(yellowWithinWorkingDays, 'yellowWithinWorkingDays');
  if (due === null) return 'normal';
  const left = calendar.remainingWorkingDays(now, due as CivilDate);
  if (left.overdue) return 'red';
  return left.remaining <= yellowWithinWorkingDays ? 'yellow' : 'normal';
}

// ---- internals --------------------------------------------------------------------------------

interface Due {
  readonly date: CivilDate | null;
  readonly suspended: boolean;
  readonly provisional: boolean;
  readonly uncoveredYears: readonly number[];
}

interface Counting {
  readonly pauses: readonly Pause[];
  readonly afterHoursCutoff?: string;
  readonly extension: number;
}

function limitDue(calendar: WorkingDayCalendar, start: Date, limit: LimitSpec, counting: Counting): Due {
  assertWholeNumber(limit.value, 'a limit');
  if (limit.unit === 'working_day') {
    return calendar.addWorkingDays(start, limit.value + counting.extension, {
      pauses: counting.pauses,
      afterHoursCutoff: counting.afterHoursCutoff,
    });
  }
  if (limit.unit !== 'natural_day') throw new RangeError(`Unknown limit unit: ${String(limit.unit)}`);
  return naturalDayDue(calendar, start, limit.value, counting);
}

function naturalDayDue(calendar: WorkingDayCalendar, start: Date, days: number, counting: Counting): Due {
  // n = 0 gives the start day after the after-hours rule (the engine's own counting start).
  const from = calendar.addWorkingDays(start, 0, { afterHoursCutoff: counting.afterHoursCutoff });
  // Every calendar answer consulted, for the provisional flag.
  const steps: Provisionality[] = [from];
  const reached = nthNaturalDayAfter(dayNumber(from.date), days, pausedSpans(counting.pauses));
  if (reached === null) return { ...merge(steps), date: null, suspended: true };

  const dueDate = civilDate(reached);
  const status = calendar.isWorkingDay(dueDate);
  steps.push(status);
  let date: CivilDate = dueDate;
  if (!status.working) {
    const next: Deadline = calendar.addWorkingDays(dueDate, 1);
    steps.push(next);
    date = next.date;
  }
  if (counting.extension > 0) {
    // Pauses that began before the natural-day deadline were added back in full above.
    const later = counting.pauses.filter((pause) => dayNumber(toCivil(pause.from)) >= reached);
    const extended = calendar.addWorkingDays(date, counting.extension, { pauses: later });
    steps.push(extended);
    if (extended.date === null) return { ...merge(steps), date: null, suspended: true };
    date = extended.date;
  }
  return { ...merge(steps), date, suspended: false };
}

/** Paused days as `(start, end]` day numbers, merged; `end` is Infinity while a pause is open. */
function pausedSpans(pauses: readonly Pause[]): Array<{ start: number; end: number }> {
  const spans = pauses
    .map((pause) => {
      const start = dayNumber(toCivil(pause.from));
      const end = pause.to === null ? Infinity : dayNumber(toCivil(pause.to));
      if (end < start) throw new RangeError(`Pause "${pause.reason}" resumes before it starts`);
      return { start, end };
    })
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The n-th unpaused day after `from`, or null when an open pause stops the count first. */
function nthNaturalDayAfter(from: number, n: number, spans: ReadonlyArray<{ start: number; end: number }>): number | null {
  let cursor = from;
  let left = n;
  for (const span of spans) {
    if (left === 0) break;
    if (span.end <= cursor) continue;
    if (span.start > cursor) {
      const available = span.start - cursor;
      if (left <= available) return cursor + left;
      left -= available;
    }
    if (span.end === Infinity) return null;
    cursor = span.end;
  }
  return cursor + left;
}

function merge(parts: readonly Provisionality[]): { provisional: boolean; uncoveredYears: number[] } {
  const years = [...new Set(parts.flatMap((part) => part.uncoveredYears))].sort((a, b) => a - b);
  return { provisional: years.length > 0 || parts.some((part) => part.provisional), uncoveredYears: years };
}

const MS_PER_DAY = 86_400_000;

function toCivil(date: DateInput): CivilDate {
  return typeof date === 'string' ? date : chinaCivilDate(date);
}

/** Days since 1970-01-01 of a civil date; UTC arithmetic, so no time zone is consulted. */
function dayNumber(date: CivilDate): number {
  if (!isCivilDate(date)) throw new RangeError(`Not a civil date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

function civilDate(day: number): CivilDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as CivilDate;
}

function assertWholeNumber(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${value}`);
}
