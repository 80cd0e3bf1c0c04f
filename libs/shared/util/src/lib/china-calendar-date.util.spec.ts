import { calendarDateInChina } from './china-calendar-date.util';

describe('calendarDateInChina', () => {
  it('turns to the next day at midnight Beijing time, which is 16:00 UTC', () => {
    expect(calendarDateInChina(new Date('2024-05-31T15:59:59.999Z'))).toBe('2024-05-31');
    expect(calendarDateInChina(new Date('2024-05-31T16:00:00.000Z'))).toBe('2024-06-01');
    expect(calendarDateInChina(new Date('2024-12-31T16:00:00+00:00'))).toBe('2025-01-01');
  });

  it('refuses an invalid Date', () => {
    expect(() => calendarDateInChina(new Date('not a date'))).toThrow(RangeError);
  });
});
