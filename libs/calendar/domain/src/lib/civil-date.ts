/**
 * A calendar date without a time or a time zone, written `YYYY-MM-DD` (e.g. `'2026-10-22'`).
 * Working days are civil dates in China: a deadline is a date on the wall calendar of the centre,
 * not an instant. Use {@link parseCivilDate} to turn an untrusted string into one.
 */
export type CivilDate = `${number}-${number}-${number}`;

/** What the calendar accepts: a civil date, or an instant that is read as its date in China. */
export type DateInput = CivilDate | Date;

const CIVIL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
/** Days before the first of each month in a common year (and the year length at the end). */
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
const LEAP_YEARS_BEFORE_1970 = leapYearsBefore(1970);

/**
 * Internally a civil date is a day number: whole days since 1970-01-01 in the proleptic
 * Gregorian calendar. Plain integers make day arithmetic exact and free of any time zone.
 * The conversions are written out in integer arithmetic instead of going through `Date`
 * (or date-fns, whose functions read local time): the supervision sweep converts dates
 * millions of times, and `Date` allocation plus `toISOString` made them the bulk of the cost.
 * `civil-date.spec.ts` checks them against `Date.UTC` for every day of 1900–2200.
 */
export type DayNumber = number;

export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === 'string' && tryDayNumber(value) !== undefined;
}

/** Validates a `YYYY-MM-DD` string (a real date, years 1000–9999) at a boundary. */
export function parseCivilDate(value: string): CivilDate {
  toDayNumber(value);
  return value as CivilDate;
}

export function toDayNumber(date: string): DayNumber {
  const day = tryDayNumber(date);
  if (day === undefined) {
    throw new RangeError(`Not a civil date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return day;
}

export function fromDayNumber(day: DayNumber): CivilDate {
  assertSupportedDay(day);
  const year = yearOf(day);
  const dayOfYear = day - firstDayOfYear(year);
  let month = 11;
  while (monthStart(year, month) > dayOfYear) month -= 1;
  const dayOfMonth = dayOfYear - monthStart(year, month) + 1;
  return `${year}-${twoDigits(month + 1)}-${twoDigits(dayOfMonth)}` as CivilDate;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return mod(day + 4, 7);
}

export function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function firstDayOfYear(year: number): DayNumber {
  return 365 * (year - 1970) + leapYearsBefore(year) - LEAP_YEARS_BEFORE_1970;
}

export function yearOf(day: DayNumber): number {
  // 365.2425 days per Gregorian year gives the year or its neighbour; correct by one step.
  let year = Math.floor(day / 365.2425) + 1970;
  if (firstDayOfYear(year) > day) year -= 1;
  else if (firstDayOfYear(year + 1) <= day) year += 1;
  return year;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

export function assertSupportedDay(day: DayNumber): void {
  if (!Number.isSafeInteger(day)) throw new RangeError(`Not a day number: ${day}`);
  assertSupportedYear(yearOf(day));
}

export function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

function tryDayNumber(date: string): DayNumber | undefined {
  const match = CIVIL_DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const dayOfMonth = Number(match[3]);
  if (year < MIN_YEAR || month < 0 || month > 11) return undefined;
  if (dayOfMonth < 1 || dayOfMonth > monthStart(year, month + 1) - monthStart(year, month)) return undefined;
  return firstDayOfYear(year) + monthStart(year, month) + dayOfMonth - 1;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days of `year` before the first of `month` (0-based; 12 gives the length of the year). */
function monthStart(year: number, month: number): number {
  return MONTH_STARTS[month] + (month >= 2 && isLeapYear(year) ? 1 : 0);
}

function leapYearsBefore(year: number): number {
  const previous = year - 1;
  return Math.floor(previous / 4) - Math.floor(previous / 100) + Math.floor(previous / 400);
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
