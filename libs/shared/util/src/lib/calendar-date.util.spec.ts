import { isRealCalendarDate } from './calendar-date.util';

describe('isRealCalendarDate', () => {
  it('knows month lengths and the Gregorian leap-year rule', () => {
    expect(isRealCalendarDate(2024, 2, 29)).toBe(true);
    expect(isRealCalendarDate(2023, 2, 29)).toBe(false);
    expect(isRealCalendarDate(2000, 2, 29)).toBe(true);
    expect(isRealCalendarDate(1900, 2, 29)).toBe(false);
    expect(isRealCalendarDate(2024, 4, 31)).toBe(false);
    expect(isRealCalendarDate(2024, 12, 31)).toBe(true);
  });

  it('rejects out-of-range and non-integer fields', () => {
    expect(isRealCalendarDate(2024, 0, 1)).toBe(false);
    expect(isRealCalendarDate(2024, 13, 1)).toBe(false);
    expect(isRealCalendarDate(2024, 1, 0)).toBe(false);
    expect(isRealCalendarDate(2024, 1.5, 1)).toBe(false);
    expect(isRealCalendarDate(Number.NaN, 1, 1)).toBe(false);
  });

  it('does not read two-digit years as 19xx', () => {
    expect(isRealCalendarDate(4, 2, 29)).toBe(true);
    expect(isRealCalendarDate(99, 2, 29)).toBe(false);
  });
});
