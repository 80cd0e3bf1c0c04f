import type { DateInput, DayNumber } from './civil-date';
import type { WorkingDayIndex } from './working-day-index';

/**
 * A stretch of time that does not count against a limit: 行政许可法 §45 excludes hearings,
 * auctions, testing, inspection, quarantine, appraisal and expert review (recorded as special
 * procedures, 特别程序, in GB/T 39046).
 *
 * Boundary rule: the days after the pause's start date up to and including its resume date do
 * not count; the start date itself does. A pause is itself a period, and periods follow the same
 * rule as the limit (the start day is not counted, the last day is): the clock runs on the day
 * the case is sent out for testing, and restarts on the day after the results come back, just
 * as a limit starts on the day after acceptance. So a pause lasts exactly
 * `workingDaysBetween(from, to)` working days and pushes a deadline that falls after its start
 * by exactly that much, which is what the agency tells the applicant in writing (§45: "how
 * long they take"). A pause that starts and ends on the same date pauses nothing; overlapping
 * pauses count each day once.
 *
 * Times of day are ignored: an instant is read as its civil date in China.
 */
export interface Pause {
  readonly from: DateInput;
  /** The resume date; `null` while still paused. */
  readonly to: DateInput | null;
  readonly reason: string;
}

export interface ClosedPause extends Pause {
  readonly to: DateInput;
}

/** Paused days `(start, end]` as day numbers; `end` is Infinity while open. */
export interface PausedSpan {
  readonly start: DayNumber;
  readonly end: DayNumber;
}

export type CountedDay =
  | { readonly day: DayNumber }
  | { readonly pausedSince: DayNumber; readonly remaining: number };

/** Sorted, disjoint spans, so overlapping pauses never subtract a day twice. */
export function pausedSpans(
  pauses: readonly Pause[],
  dayOf: (date: DateInput) => DayNumber,
): readonly PausedSpan[] {
  if (pauses.length === 0) return [];
  const spans: PausedSpan[] = [];
  for (const pause of pauses) {
    const start = dayOf(pause.from);
    const end = pause.to === null ? Infinity : dayOf(pause.to);
    if (end < start) throw new RangeError(`Pause "${pause.reason}" resumes before it starts`);
    if (end > start) spans.push({ start, end });
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: PausedSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** Working days in (from, to] outside every span; negative when to < from. */
export function countCountedDays(
  index: WorkingDayIndex,
  from: DayNumber,
  to: DayNumber,
  spans: readonly PausedSpan[],
): number {
  if (to < from) return 0 - countCountedDays(index, to, from, spans); // 0, never -0
  let count = index.countBetween(from, to);
  for (const span of spans) {
    if (span.start >= to) break;
    const pausedFrom = Math.max(from, span.start);
    const pausedTo = Math.min(to, span.end);
    if (pausedTo > pausedFrom) count -= index.countBetween(pausedFrom, pausedTo);
  }
  return count;
}

/**
 * The n-th counted working day after `from` (n ≥ 1), or, when an open pause stops the clock
 * first, the day the clock stopped and how many days were still left.
 */
export function nthCountedDayAfter(
  index: WorkingDayIndex,
  from: DayNumber,
  n: number,
  spans: readonly PausedSpan[],
): CountedDay {
  let cursor = from;
  let left = n;
  for (const span of spans) {
    if (span.end <= cursor) continue;
    if (span.start > cursor) {
      const available = index.countBetween(cursor, span.start);
      if (left <= available) return { day: index.nthAfter(cursor, left) };
      left -= available;
    }
    if (span.end === Infinity) return { pausedSince: span.start, remaining: left };
    cursor = span.end;
  }
  return { day: index.nthAfter(cursor, left) };
}
