import { nationalCalendar } from './national-calendar';

const calendar = nationalCalendar();
const final = { provisional: false, uncoveredYears: [] };

describe('national working-day calendar (State Council schedules)', () => {
  describe('which days are working days', () => {
    it('2026 National Day: 2026-10-01 … 2026-10-07 are all off, 10-08 is back to work', () => {
      const goldenWeek = [
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ] as const;
      for (const date of goldenWeek) {
        expect(calendar.isWorkingDay(date)).toEqual({ date, working: false, ...final });
      }
      expect(calendar.isWorkingDay('2026-10-08').working).toBe(true);
    });

    it('2026 make-up days (调休) are working days, Saturdays and Sundays alike', () => {
      // From 2026.json: 元旦 Sun 01-04, 春节 Sat 02-14 and Sat 02-28, 劳动节 Sat 05-09,
      // 国庆节 Sun 09-20 and Sat 10-10.
      const makeUpDays = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'] as const;
      for (const date of makeUpDays) {
        expect(calendar.isWorkingDay(date)).toEqual({ date, working: true, ...final });
      }
    });

    it('2025 make-up days are working days too', () => {
      // From 2025.json: 春节 Sun 01-26 and Sat 02-08, 劳动节 Sun 04-27, 国庆节 Sun 09-28 and Sat 10-11.
      for (const date of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'] as const) {
        expect(calendar.isWorkingDay(date).working).toBe(true);
      }
    });

    it('a holiday falling on a weekday is off: 2026 Mid-Autumn Friday 09-25, Dragon Boat Friday 06-19', () => {
      expect(calendar.isWorkingDay('2026-09-25').working).toBe(false);
      expect(calendar.isWorkingDay('2026-06-19').working).toBe(false);
    });

    it('an ordinary weekend is off and an ordinary weekday on', () => {
      expect(calendar.isWorkingDay('2026-03-07').working).toBe(false);
      expect(calendar.isWorkingDay('2026-03-08').working).toBe(false);
      expect(calendar.isWorkingDay('2026-03-09').working).toBe(true);
    });

    it('describes days for tooltips', () => {
      expect(calendar.describeDay('2026-10-03')).toMatchObject({
        kind: 'public-holiday',
        holidayName: '国庆节',
        working: false,
      });
      expect(calendar.describeDay('2026-02-14')).toMatchObject({
        kind: 'make-up-workday',
        holidayName: '春节',
        working: true,
      });
      expect(calendar.describeDay('2026-03-07')).toMatchObject({
        kind: 'weekend',
        holidayName: null,
        overrideReason: null,
      });
      expect(calendar.describeDay('2026-03-09')).toMatchObject({ kind: 'workday', holidayName: null });
      expect(calendar.holidayName('2025-10-08')).toBe('国庆节、中秋节');
      expect(calendar.holidayName('2026-03-09')).toBeNull();
    });
  });

  describe('deadlines', () => {
    it('20 working days after 2026-09-18 is 2026-10-22 (DOMAIN.md check)', () => {
      expect(calendar.addWorkingDays('2026-09-18', 20)).toEqual({
        suspended: false,
        date: '2026-10-22',
        countedFrom: '2026-09-18',
        ...final,
      });
    });

    it('Spring Festival 2026: the make-up Saturdays count, 02-15 … 02-23 do not', () => {
      expect(calendar.addWorkingDays('2026-02-12', 5).date).toBe('2026-02-26');
      expect(calendar.addWorkingDays('2026-02-06', 20).date).toBe('2026-03-12');
      expect(calendar.addWorkingDays('2026-02-10', 10).date).toBe('2026-03-02');
    });

    it('Spring Festival 2025 and National Day/Mid-Autumn 2025', () => {
      expect(calendar.addWorkingDays('2025-01-24', 5).date).toBe('2025-02-07');
      expect(calendar.addWorkingDays('2025-01-24', 6).date).toBe('2025-02-08');
      const fromSeptember26 = [1, 2, 3, 4, 5, 6].map((n) => calendar.addWorkingDays('2025-09-26', n).date);
      // 09-28 is a make-up Sunday; 10-01 … 10-08 are off; 10-11 is a make-up Saturday.
      expect(fromSeptember26).toEqual([
        '2025-09-28',
        '2025-09-29',
        '2025-09-30',
        '2025-10-09',
        '2025-10-10',
        '2025-10-11',
      ]);
    });

    it('the extended 2020 Spring Festival (notice of 2020-01-27) holds until 2020-02-02', () => {
      expect(calendar.addWorkingDays('2020-01-23', 1).date).toBe('2020-02-03');
      expect(calendar.addWorkingDays('2020-01-17', 1).date).toBe('2020-01-19');
    });

    it('crosses into the next year through its New Year make-up Sunday', () => {
      expect(calendar.addWorkingDays('2025-12-31', 1)).toMatchObject({ date: '2026-01-04', provisional: false });
    });

    it('an ordinary weekend is skipped', () => {
      expect(calendar.addWorkingDays('2026-03-06', 1).date).toBe('2026-03-09');
      expect(calendar.addWorkingDays('2026-03-07', 1).date).toBe('2026-03-09');
    });

    it('0 working days is due on the start day itself (即办件)', () => {
      expect(calendar.addWorkingDays('2026-09-18', 0)).toMatchObject({ date: '2026-09-18', ...final });
      expect(calendar.addWorkingDays('2026-10-03', 0).date).toBe('2026-10-03');
    });

    it('rejects counts that are not whole numbers ≥ 0', () => {
      for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => calendar.addWorkingDays('2026-09-18', bad)).toThrow(RangeError);
      }
      expect(() => calendar.addWorkingDays('2026-09-31' as '2026-09-30', 1)).toThrow(RangeError);
    });
  });

  describe('unpublished years are provisional, never silently Monday–Friday', () => {
    it('covers 2020–2026', () => {
      expect(calendar.coverage()).toEqual({
        fromYear: 2020,
        toYear: 2026,
        years: [2020, 2021, 2022, 2023, 2024, 2025, 2026],
      });
    });

    it('a deadline reaching into 2027 is provisional; one inside 2026 is not', () => {
      // 2027-01-01 counts as an ordinary Friday here, which the 2027 notice will surely change.
      expect(calendar.addWorkingDays('2026-12-20', 20)).toEqual({
        suspended: false,
        date: '2027-01-15',
        countedFrom: '2026-12-20',
        provisional: true,
        uncoveredYears: [2027],
      });
      expect(calendar.addWorkingDays('2026-12-01', 10)).toEqual({
        suspended: false,
        date: '2026-12-15',
        countedFrom: '2026-12-01',
        ...final,
      });
    });

    it('a date in an uncovered year is provisional, and so is counting across one', () => {
      expect(calendar.isWorkingDay('2027-10-01')).toEqual({
        date: '2027-10-01',
        working: true,
        provisional: true,
        uncoveredYears: [2027],
      });
      expect(calendar.isWorkingDay('2019-12-31')).toMatchObject({ provisional: true, uncoveredYears: [2019] });
      expect(calendar.workingDaysBetween('2019-12-30', '2028-01-03')).toMatchObject({
        provisional: true,
        uncoveredYears: [2019, 2027, 2028],
      });
    });

    it('only the days counted matter: starting on the last day of an uncovered year is final', () => {
      // The start day is not counted, so 2019-12-31 being a guess changes nothing.
      expect(calendar.addWorkingDays('2019-12-31', 1)).toMatchObject({ date: '2020-01-02', ...final });
      expect(calendar.addWorkingDays('2019-12-30', 1)).toMatchObject({ date: '2019-12-31', provisional: true });
    });
  });

  describe('counting between dates', () => {
    it('counts working days after `from` up to and including `to`', () => {
      expect(calendar.workingDaysBetween('2026-09-18', '2026-10-22')).toEqual({ days: 20, ...final });
      expect(calendar.workingDaysBetween('2026-09-30', '2026-10-08').days).toBe(1);
      expect(calendar.workingDaysBetween('2026-10-08', '2026-10-08').days).toBe(0);
    });

    it('is negative when `to` is earlier', () => {
      expect(calendar.workingDaysBetween('2026-10-22', '2026-09-18').days).toBe(-20);
    });
  });

  describe('remaining working days for the UI', () => {
    it('counts down to the deadline and below zero once it has passed', () => {
      const deadline = '2026-10-22';
      expect(calendar.remainingWorkingDays('2026-10-19', deadline)).toEqual({ remaining: 3, overdue: false, ...final });
      expect(calendar.remainingWorkingDays('2026-10-22', deadline)).toMatchObject({ remaining: 0, overdue: false });
      expect(calendar.remainingWorkingDays('2026-10-26', deadline)).toMatchObject({ remaining: -2, overdue: true });
      // Across National Day: on 09-30, only 10-08 and 10-09 are left before a 10-09 deadline.
      expect(calendar.remainingWorkingDays('2026-09-30', '2026-10-09').remaining).toBe(2);
    });

    it('is overdue on the weekend after a Friday deadline although no working day is lost yet', () => {
      expect(calendar.remainingWorkingDays('2026-10-24', '2026-10-23')).toMatchObject({ remaining: 0, overdue: true });
    });

    it('takes `now` as an instant and reads it in China time', () => {
      // 2026-10-22 17:00 UTC is already 10-23 01:00 in Beijing: the 10-22 deadline has passed.
      expect(calendar.remainingWorkingDays(new Date('2026-10-22T17:00:00Z'), '2026-10-22')).toMatchObject({
        remaining: -1,
        overdue: true,
      });
    });
  });
});
