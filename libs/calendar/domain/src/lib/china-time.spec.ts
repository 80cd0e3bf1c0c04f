import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { CHINA_TIME_ZONE, chinaCivilDate, chinaWallClock, parseCutoff } from './china-time';

describe('China time', () => {
  it('reads an instant as its date on the Beijing wall clock (UTC+8)', () => {
    // 16:00 UTC is midnight in Beijing: the date changes there eight hours before it does in UTC.
    expect(chinaCivilDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(chinaCivilDate(new Date('2026-09-30T16:00:00.000Z'))).toBe('2026-10-01');
    expect(chinaCivilDate(new Date('2026-10-01T00:30:00+08:00'))).toBe('2026-10-01');
    expect(chinaCivilDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('uses the fixed +8 offset only where the time-zone database agrees (1992 onwards)', () => {
    const from1992 = fc
      .integer({ min: Date.UTC(1991, 11, 31, 16), max: Date.UTC(2100, 0, 1) })
      .map((ms) => new Date(ms));
    fc.assert(fc.property(from1992, (instant) => tzOffset(CHINA_TIME_ZONE, instant) === 480));
  });

  it('reads older instants with China summer time (1986–1991)', () => {
    // 1988-06-01 15:30 UTC was 00:30 on 06-02 in Beijing under summer time (UTC+9).
    expect(chinaCivilDate(new Date('1988-06-01T15:30:00Z'))).toBe('1988-06-02');
    expect(chinaCivilDate(new Date('1988-12-01T15:30:00Z'))).toBe('1988-12-01');
  });

  it('gives the time of day in China', () => {
    expect(chinaWallClock(new Date('2026-09-18T09:30:00Z')).msOfDay).toBe((17 * 60 + 30) * 60_000);
  });

  it('rejects an invalid Date instead of computing with NaN', () => {
    expect(() => chinaCivilDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('parses HH:MM cutoffs and rejects anything else', () => {
    expect(parseCutoff('17:30')).toBe((17 * 60 + 30) * 60_000);
    expect(parseCutoff('00:00')).toBe(0);
    for (const bad of ['5:30pm', '24:00', '17:60', '1730', '']) {
      expect(() => parseCutoff(bad)).toThrow(RangeError);
    }
  });
});
