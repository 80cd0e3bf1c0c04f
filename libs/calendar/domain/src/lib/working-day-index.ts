import { type DayNumber, assertSupportedYear, daysInYear, firstDayOfYear, yearOf } from './civil-date';

/**
 * Per-year prefix sums of working days: `table[i]` is the number of working days among the first
 * `i` days of the year. Counting the working days between two dates is then a subtraction per
 * year crossed, and finding the n-th working day a binary search, so the supervision sweep pays
 * O(years spanned) instead of O(days) per call. Tables are built on first use (≈ 0.7 KB a year).
 */
export class WorkingDayIndex {
  private readonly tables = new Map<number, Uint16Array>();

  /**
   * @param isWorking the day rule the tables are built from.
   * @param base an index to share tables with for every year not in `ownYears`, so that a centre
   *   with a handful of overrides does not rebuild the national tables of all other years.
   */
  constructor(
    private readonly isWorking: (day: DayNumber) => boolean,
    private readonly base?: { readonly index: WorkingDayIndex; readonly ownYears: ReadonlySet<number> },
  ) {}

  isWorkingDay(day: DayNumber): boolean {
    const year = yearOf(day);
    const table = this.table(year);
    const i = day - firstDayOfYear(year);
    return table[i + 1] !== table[i];
  }

  /** Working days in (from, to]; negative when to < from. */
  countBetween(from: DayNumber, to: DayNumber): number {
    // `0 - x` rather than `-x`: counting backwards over no working day is 0, not -0.
    if (to < from) return 0 - this.countBetween(to, from);
    const fromYear = yearOf(from);
    const toYear = yearOf(to);
    const fromTable = this.table(fromYear);
    const doneInFromYear = fromTable[from - firstDayOfYear(fromYear) + 1];
    if (fromYear === toYear) return fromTable[to - firstDayOfYear(toYear) + 1] - doneInFromYear;
    let count = fromTable[fromTable.length - 1] - doneInFromYear;
    for (let year = fromYear + 1; year < toYear; year += 1) {
      const table = this.table(year);
      count += table[table.length - 1];
    }
    return count + this.table(toYear)[to - firstDayOfYear(toYear) + 1];
  }

  /** The n-th working day after `from` (n ≥ 1); `from` itself is not counted. */
  nthAfter(from: DayNumber, n: number): DayNumber {
    let year = yearOf(from);
    let table = this.table(year);
    let target = table[from - firstDayOfYear(year) + 1] + n;
    while (target > table[table.length - 1]) {
      target -= table[table.length - 1];
      year += 1;
      table = this.table(year);
    }
    // Smallest k with table[k] >= target; day k - 1 of the year is then a working day.
    let low = 1;
    let high = table.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (table[middle] >= target) high = middle;
      else low = middle + 1;
    }
    return firstDayOfYear(year) + low - 1;
  }

  private table(year: number): Uint16Array {
    if (this.base && !this.base.ownYears.has(year)) return this.base.index.table(year);
    let table = this.tables.get(year);
    if (!table) {
      assertSupportedYear(year);
      const first = firstDayOfYear(year);
      const length = daysInYear(year);
      table = new Uint16Array(length + 1);
      for (let i = 0; i < length; i += 1) {
        table[i + 1] = table[i] + (this.isWorking(first + i) ? 1 : 0);
      }
      this.tables.set(year, table);
    }
    return table;
  }
}
