// Mainland China keeps UTC+8 all year (no daylight saving since 1991), so the calendar date there
// is the UTC date of the instant shifted by eight hours. Rules such as "a birth date is not in the
// future" or "the division in force today" are about the date in China, not about the date on the
// machine that happens to run the code (a UTC server, a browser abroad).
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date (`YYYY-MM-DD`) in mainland China at the given instant. */
export function calendarDateInChina(instant: Date = new Date()): string {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('calendarDateInChina: invalid Date');
  }
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
