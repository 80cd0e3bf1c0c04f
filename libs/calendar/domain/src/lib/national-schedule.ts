import { type DayNumber, isWeekend, toDayNumber, yearOf } from './civil-date';
import type { HolidayYearData } from './holiday-data';

export interface NationalDay {
  readonly name: string;
  readonly isOffDay: boolean;
}

/**
 * The national schedules merged into one lookup by day, with the set of published ("covered")
 * years. Built once per data set and shared by every centre's calendar.
 */
export class NationalSchedule {
  private constructor(
    private readonly days: ReadonlyMap<DayNumber, NationalDay>,
    readonly coveredYears: readonly number[],
    private readonly covered: ReadonlySet<number>,
  ) {}

  static from(schedules: readonly HolidayYearData[]): NationalSchedule {
    if (schedules.length === 0) throw new RangeError('A calendar needs at least one published schedule');
    const days = new Map<DayNumber, NationalDay>();
    const years = new Set<number>();
    for (const schedule of schedules) {
      if (!Number.isInteger(schedule.year)) throw new RangeError(`Bad schedule year: ${schedule.year}`);
      if (years.has(schedule.year)) throw new RangeError(`Two schedules for ${schedule.year}`);
      years.add(schedule.year);
      for (const entry of schedule.days) {
        const day = toDayNumber(entry.date);
        if (typeof entry.isOffDay !== 'boolean' || typeof entry.name !== 'string') {
          throw new RangeError(`Bad schedule entry for ${entry.date} in ${schedule.year}`);
        }
        // A notice may set dates in the neighbouring year (the 2023 notice made 2022-12-31 part
        // of New Year); two notices contradicting each other would be a data error.
        const earlier = days.get(day);
        if (earlier && earlier.isOffDay !== entry.isOffDay) {
          throw new RangeError(`Schedules disagree about ${entry.date}`);
        }
        days.set(day, { name: entry.name, isOffDay: entry.isOffDay });
      }
    }
    const coveredYears = [...years].sort((a, b) => a - b);
    return new NationalSchedule(days, Object.freeze(coveredYears), years);
  }

  isCovered(year: number): boolean {
    return this.covered.has(year);
  }

  entry(day: DayNumber): NationalDay | undefined {
    return this.days.get(day);
  }

  /**
   * 行政许可法 §82: statutory holidays are off, make-up days (调休) are on, every other day follows
   * Monday–Friday. For an uncovered year that fallback is only a guess; callers flag it.
   */
  isWorking(day: DayNumber): boolean {
    const entry = this.days.get(day);
    return entry ? !entry.isOffDay : !isWeekend(day);
  }

  /** The uncovered years among those of the days `from`…`to` (inclusive); empty when from > to. */
  uncoveredYearsBetween(from: DayNumber, to: DayNumber): number[] {
    if (from > to) return [];
    const missing: number[] = [];
    const last = yearOf(to);
    for (let year = yearOf(from); year <= last; year += 1) {
      if (!this.covered.has(year)) missing.push(year);
    }
    return missing;
  }
}
