/**
 * Whether `year`-`month`-`day` exists in the (proleptic) Gregorian calendar. Uses UTC so the
 * answer does not depend on the machine's time zone: setUTCFullYear rolls Feb 30 over to 2 March,
 * so a round trip that changes any field means the date does not exist. (setUTCFullYear rather
 * than Date.UTC because Date.UTC reads years 0–99 as 1900–1999.)
 */
export function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
