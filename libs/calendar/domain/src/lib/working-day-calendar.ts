import type { CalendarOverride } from './calendar-override';
import type {
  CalendarCoverage,
  DayDescription,
  DayKind,
  Deadline,
  Provisionality,
  RemainingWorkingDays,
  SuspendedDeadline,
  WorkingDayCount,
  WorkingDayStatus,
} from './calendar-result';
import { chinaWallClock, parseCutoff } from './china-time';
import { type DateInput, type DayNumber, fromDayNumber, isWeekend, toDayNumber, yearOf } from './civil-date';
import type { HolidayYearData } from './holiday-data';
import { NationalSchedule } from './national-schedule';
import { type ClosedPause, type Pause, countCountedDays, nthCountedDayAfter, pausedSpans } from './pause';
import { WorkingDayIndex } from './working-day-index';

export interface CountingOptions<P extends Pause = Pause> {
  /** Intervals that do not count (see {@link Pause} for the boundary rule). */
  readonly pauses?: readonly P[];
  /**
   * The tenant setting "something received after office hours counts from the next working
   * day", given as the closing time in China time (`'17:30'`). When set, a start received at or
   * after that time, or on a day that is not a working day (a weekend, a holiday, a centre
   * closure), is treated as received on the next working day; that day becomes the start day,
   * which is itself not counted. A civil-date start has no time, so only the non-working-day
   * half applies to it. When unset, the start day is the date of receipt, whatever the time.
   */
  readonly afterHoursCutoff?: string;
}

const FINAL: Provisionality = Object.freeze({ provisional: false, uncoveredYears: Object.freeze([]) });

/**
 * The working-day calendar of one centre: the national schedule, then the centre's overrides.
 * Immutable and pure; every method answers from precomputed per-year tables. Dates are civil
 * dates in China; instants are read on the China wall clock, never the machine's time zone.
 */
export class WorkingDayCalendar {
  private constructor(
    private readonly schedule: NationalSchedule,
    private readonly overrides: ReadonlyMap<DayNumber, CalendarOverride>,
    private readonly index: WorkingDayIndex,
    private readonly nationalIndex: WorkingDayIndex,
  ) {}

  /** A calendar from published schedules alone (see `nationalCalendar()` for the bundled ones). */
  static fromSchedules(schedules: readonly HolidayYearData[]): WorkingDayCalendar {
    const schedule = NationalSchedule.from(schedules);
    const index = new WorkingDayIndex((day) => schedule.isWorking(day));
    return new WorkingDayCalendar(schedule, new Map(), index, index);
  }

  /**
   * A new calendar with the centre's overrides layered on top; this one is unchanged. An override
   * replaces an earlier one for the same date; two for one date in the same list are an error,
   * since nothing says which one the centre meant.
   */
  withOverrides(overrides: readonly CalendarOverride[]): WorkingDayCalendar {
    if (overrides.length === 0) return this;
    const merged = new Map(this.overrides);
    const seen = new Set<DayNumber>();
    for (const override of overrides) {
      const day = toDayNumber(override.date);
      if (override.kind !== 'closed' && override.kind !== 'open') {
        throw new RangeError(`Unknown override kind for ${override.date}: ${String(override.kind)}`);
      }
      if (typeof override.reason !== 'string' || override.reason.trim() === '') {
        throw new RangeError(`The override for ${override.date} needs a reason`);
      }
      if (seen.has(day)) throw new RangeError(`Two overrides for ${override.date}`);
      seen.add(day);
      merged.set(day, { date: fromDayNumber(day), kind: override.kind, reason: override.reason });
    }
    const schedule = this.schedule;
    const ownYears = new Set([...merged.keys()].map(yearOf));
    const index = new WorkingDayIndex(
      (day) => {
        const override = merged.get(day);
        return override ? override.kind === 'open' : schedule.isWorking(day);
      },
      { index: this.nationalIndex, ownYears },
    );
    return new WorkingDayCalendar(schedule, merged, index, this.nationalIndex);
  }

  /** The years whose national schedule is published; centre overrides never add to them. */
  coverage(): CalendarCoverage {
    const years = this.schedule.coveredYears;
    return { fromYear: years[0], toYear: years[years.length - 1], years };
  }

  isWorkingDay(date: DateInput): WorkingDayStatus {
    const day = this.dayOf(date);
    return { date: fromDayNumber(day), working: this.index.isWorkingDay(day), ...this.provisionality(day, day) };
  }

  describeDay(date: DateInput): DayDescription {
    const day = this.dayOf(date);
    const override = this.overrides.get(day);
    const national = this.schedule.entry(day);
    // holiday-cn marks the end of the extended 2020 Spring Festival with a "make-up" Monday;
    // only a make-up entry on a weekend changes anything, so only that one is named.
    const meaningful = national && (national.isOffDay || isWeekend(day)) ? national : undefined;
    let kind: DayKind;
    if (override) kind = override.kind === 'closed' ? 'centre-closed' : 'centre-open';
    else if (meaningful) kind = meaningful.isOffDay ? 'public-holiday' : 'make-up-workday';
    else kind = isWeekend(day) ? 'weekend' : 'workday';
    return {
      ...this.isWorkingDay(date),
      kind,
      holidayName: meaningful?.name ?? null,
      overrideReason: override?.reason ?? null,
    };
  }

  /** The national holiday a date belongs to, for tooltips (also named on its make-up days). */
  holidayName(date: DateInput): string | null {
    return this.describeDay(date).holidayName;
  }

  /**
   * The deadline of a limit of `n` working days: the start day is not counted, and the deadline
   * is the n-th counted working day after it (行政许可法 §82; DOMAIN.md "Counting"). `n = 0`
   * returns the start day itself: a 0-day limit is due on the day (即办件, decided on the spot).
   * Paused working days do not count; while an open pause holds the clock the deadline is
   * suspended. Returns a plain {@link Deadline} whenever every pause has a resume date.
   */
  addWorkingDays(start: DateInput, n: number, options?: CountingOptions<ClosedPause>): Deadline;
  addWorkingDays(start: DateInput, n: number, options?: CountingOptions): Deadline | SuspendedDeadline;
  addWorkingDays(start: DateInput, n: number, options: CountingOptions = {}): Deadline | SuspendedDeadline {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`A working-day count must be a whole number ≥ 0, got ${n}`);
    }
    const { day, consultedFrom } = this.countingStart(start, options.afterHoursCutoff);
    const countedFrom = fromDayNumber(day);
    if (n === 0) {
      return { suspended: false, date: countedFrom, countedFrom, ...this.provisionality(consultedFrom, day) };
    }
    const spans = pausedSpans(options.pauses ?? [], (date) => this.dayOf(date));
    const reached = nthCountedDayAfter(this.index, day, n, spans);
    if ('day' in reached) {
      return {
        suspended: false,
        date: fromDayNumber(reached.day),
        countedFrom,
        ...this.provisionality(consultedFrom, reached.day),
      };
    }
    return {
      suspended: true,
      date: null,
      countedFrom,
      pausedSince: fromDayNumber(reached.pausedSince),
      remainingWorkingDays: reached.remaining,
      ...this.provisionality(consultedFrom, Math.max(day, reached.pausedSince)),
    };
  }

  /**
   * Counted working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n).date) === n`; negative when `to` is earlier.
   * `afterHoursCutoff` applies to `from` (it is a start, as in {@link addWorkingDays}).
   */
  workingDaysBetween(from: DateInput, to: DateInput, options: CountingOptions = {}): WorkingDayCount {
    const { day, consultedFrom } = this.countingStart(from, options.afterHoursCutoff);
    const end = this.dayOf(to);
    const spans = pausedSpans(options.pauses ?? [], (date) => this.dayOf(date));
    return {
      days: countCountedDays(this.index, day, end, spans),
      ...this.provisionality(Math.min(consultedFrom, end + 1), Math.max(day, end)),
    };
  }

  /**
   * For the UI ("3 working days left"): counted working days after today's date in China up to
   * and including the deadline. A deadline is a whole civil day, so it is overdue from the next
   * day on, not from closing time.
   */
  remainingWorkingDays(
    now: DateInput,
    deadline: DateInput,
    options: Pick<CountingOptions, 'pauses'> = {},
  ): RemainingWorkingDays {
    const today = this.dayOf(now);
    const due = this.dayOf(deadline);
    const spans = pausedSpans(options.pauses ?? [], (date) => this.dayOf(date));
    return {
      remaining: countCountedDays(this.index, today, due, spans),
      overdue: today > due,
      ...this.provisionality(Math.min(today, due) + 1, Math.max(today, due)),
    };
  }

  private dayOf(date: DateInput): DayNumber {
    return typeof date === 'string' ? toDayNumber(date) : chinaWallClock(date).day;
  }

  /**
   * The start day (not counted) and the first day whose working status the answer depends on:
   * the day after the start, or the day of receipt when the after-hours rule had to look at it.
   */
  private countingStart(start: DateInput, cutoff: string | undefined): { day: DayNumber; consultedFrom: DayNumber } {
    if (cutoff === undefined) {
      const day = this.dayOf(start);
      return { day, consultedFrom: day + 1 };
    }
    const cutoffMs = parseCutoff(cutoff);
    let received: DayNumber;
    let afterHours = false;
    if (typeof start === 'string') {
      received = toDayNumber(start);
    } else {
      const clock = chinaWallClock(start);
      received = clock.day;
      afterHours = clock.msOfDay >= cutoffMs;
    }
    const outsideOfficeHours = afterHours || !this.index.isWorkingDay(received);
    return { day: outsideOfficeHours ? this.index.nthAfter(received, 1) : received, consultedFrom: received };
  }

  private provisionality(fromDay: DayNumber, toDay: DayNumber): Provisionality {
    const uncoveredYears = this.schedule.uncoveredYearsBetween(fromDay, toDay);
    return uncoveredYears.length === 0 ? FINAL : { provisional: true, uncoveredYears };
  }
}
