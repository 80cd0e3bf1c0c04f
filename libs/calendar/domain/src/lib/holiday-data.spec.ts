import { parseCivilDate } from './civil-date';
import { CHINA_HOLIDAY_SCHEDULES, type HolidayYearData } from './holiday-data';
import { nationalCalendar } from './national-calendar';
import { WorkingDayCalendar } from './working-day-calendar';

const MS_PER_DAY = 86_400_000;

function* datesOf(year: number): Generator<string> {
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += MS_PER_DAY) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe('bundled State Council schedules', () => {
  it('ships 2020–2026, each traced to a gov.cn notice', () => {
    expect(CHINA_HOLIDAY_SCHEDULES.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const schedule of CHINA_HOLIDAY_SCHEDULES) {
      expect(schedule.papers.length).toBeGreaterThan(0);
      for (const paper of schedule.papers) expect(paper).toMatch(/^https?:\/\/www\.gov\.cn\//);
    }
  });

  it('agrees with the raw data on every day of every published year', () => {
    // An independent reading of the JSON: listed days as published, all others Monday–Friday.
    const listed = new Map<string, boolean>();
    for (const schedule of CHINA_HOLIDAY_SCHEDULES) {
      for (const day of schedule.days) listed.set(day.date, !day.isOffDay);
    }
    const calendar = nationalCalendar();
    let checked = 0;
    for (let year = 2020; year <= 2026; year += 1) {
      for (const date of datesOf(year)) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const expected = listed.get(date) ?? (weekday !== 0 && weekday !== 6);
        expect({ date, working: calendar.isWorkingDay(parseCivilDate(date)).working }).toEqual({
          date,
          working: expected,
        });
        checked += 1;
      }
    }
    expect(checked).toBe(2557);
  });

  it('counts the working days of each year as published', () => {
    const calendar = nationalCalendar();
    const perYear = [2020, 2021, 2022, 2023, 2024, 2025, 2026].map(
      (year) => calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`).days,
    );
    expect(perYear).toEqual([249, 250, 249, 249, 251, 248, 248]);
  });

  it('keeps the known quirks of the data harmless', () => {
    const calendar = nationalCalendar();
    // The 2023 notice made Saturday 2022-12-31 part of New Year: a notice can reach back a year.
    expect(calendar.describeDay('2022-12-31')).toMatchObject({
      working: false,
      kind: 'public-holiday',
      holidayName: '元旦',
    });
    // 2020.json marks Monday 2020-02-03, the first day after the extended Spring Festival, as a
    // "make-up" day: it is an ordinary working Monday and is not labelled as 调休.
    expect(calendar.describeDay('2020-02-03')).toMatchObject({ working: true, kind: 'workday', holidayName: null });
  });

  it('refuses schedules that contradict each other or repeat a year', () => {
    const base: HolidayYearData = { year: 2030, papers: [], days: [{ name: 'x', date: '2030-01-01', isOffDay: true }] };
    const contradicting: HolidayYearData = {
      year: 2031,
      papers: [],
      days: [{ name: 'x', date: '2030-01-01', isOffDay: false }],
    };
    expect(() => WorkingDayCalendar.fromSchedules([base, contradicting])).toThrow(/disagree/);
    expect(() => WorkingDayCalendar.fromSchedules([base, base])).toThrow(/Two schedules/);
    expect(() =>
      WorkingDayCalendar.fromSchedules([{ ...base, days: [{ name: 'x', date: '2030-02-30', isOffDay: true }] }]),
    ).toThrow(RangeError);
    expect(() => WorkingDayCalendar.fromSchedules([])).toThrow(RangeError);
  });
});
