import {
  daysInYear,
  firstDayOfYear,
  fromDayNumber,
  isCivilDate,
  parseCivilDate,
  toDayNumber,
  weekdayOf,
  yearOf,
} from './civil-date';

describe('civil dates', () => {
  it('accepts real YYYY-MM-DD dates, including 29 February of a leap year', () => {
    expect(parseCivilDate('2026-10-22')).toBe('2026-10-22');
    expect(isCivilDate('2024-02-29')).toBe(true);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-4-1', '2026-04-01T00:00', '26-04-01', '0999-01-01', ''])(
    'rejects %j',
    (value) => {
      expect(isCivilDate(value)).toBe(false);
      expect(() => parseCivilDate(value)).toThrow(RangeError);
    },
  );

  it('round-trips through day numbers around year and century ends', () => {
    for (const date of ['1970-01-01', '1999-12-31', '2000-02-29', '2026-12-31', '2027-01-01', '2100-03-01']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
  });

  it('knows the weekday: 2026-10-01 is a Thursday, 2026-02-14 a Saturday, 2026-01-04 a Sunday', () => {
    expect(weekdayOf(toDayNumber('2026-10-01'))).toBe(4);
    expect(weekdayOf(toDayNumber('2026-02-14'))).toBe(6);
    expect(weekdayOf(toDayNumber('2026-01-04'))).toBe(0);
    expect(weekdayOf(toDayNumber('1969-12-28'))).toBe(0);
  });

  it('finds the year of a day at both edges of a year', () => {
    expect(yearOf(toDayNumber('2026-01-01'))).toBe(2026);
    expect(yearOf(toDayNumber('2026-12-31'))).toBe(2026);
    expect(yearOf(toDayNumber('2024-12-31'))).toBe(2024);
    expect(yearOf(toDayNumber('1969-12-31'))).toBe(1969);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
  });

  it('converts exactly like Date.UTC on every day of 1900–2200 and on every New Year 1000–9999', () => {
    const MS_PER_DAY = 86_400_000;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2200, 11, 31); t += MS_PER_DAY) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (toDayNumber(iso) !== t / MS_PER_DAY || fromDayNumber(t / MS_PER_DAY) !== iso) {
        throw new Error(`Mismatch on ${iso}`);
      }
    }
    for (let year = 1000; year <= 9999; year += 1) {
      if (firstDayOfYear(year) !== Date.UTC(year, 0, 1) / MS_PER_DAY) throw new Error(`Mismatch in ${year}`);
    }
  });

  it('refuses day numbers outside years 1000–9999', () => {
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(RangeError);
    expect(() => fromDayNumber(Number.NaN)).toThrow(RangeError);
  });
});
