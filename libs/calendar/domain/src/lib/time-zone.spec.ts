import { chinaCivilDate } from './china-time';
import { nationalCalendar } from './national-calendar';

/**
 * Servers run in UTC, browsers wherever the user is; a deadline must not depend on either.
 * Jest gives each test file its own copy of `process.env`, so a test cannot switch the process
 * time zone; instead every Date method that reads or writes local time is made to throw while the
 * engine runs, which proves the machine's zone is never consulted, in whatever zone the suite
 * runs (the suite is also run with TZ=UTC and TZ=America/Los_Angeles).
 */
const LOCAL_TIME_METHODS = [
  'getFullYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getMilliseconds',
  'getTimezoneOffset',
  'setFullYear',
  'setMonth',
  'setDate',
  'setHours',
  'setMinutes',
  'toString',
  'toDateString',
  'toTimeString',
  'toLocaleString',
  'toLocaleDateString',
  'toLocaleTimeString',
] as const;

function answers() {
  const calendar = nationalCalendar();
  return {
    // Instants on both sides of midnight in Beijing (16:00 UTC) and at midnight UTC.
    beforeBeijingMidnight: chinaCivilDate(new Date('2026-09-30T15:59:00Z')),
    afterBeijingMidnight: chinaCivilDate(new Date('2026-09-30T16:01:00Z')),
    utcMidnight: chinaCivilDate(new Date('2026-10-08T00:00:00Z')),
    // Thursday 23:30 in Beijing is that Thursday; Friday 00:30 in Beijing is still Thursday in UTC.
    lateThursday: calendar.addWorkingDays(new Date('2026-09-17T15:30:00Z'), 20).date,
    earlyFriday: calendar.addWorkingDays(new Date('2026-09-17T16:30:00Z'), 20).date,
    afterHoursFriday: calendar.addWorkingDays(new Date('2026-09-18T10:00:00Z'), 20, { afterHoursCutoff: '17:30' }).date,
    firstDayOfHoliday: calendar.isWorkingDay(new Date('2026-09-30T16:00:00Z')).working,
    between: calendar.workingDaysBetween(new Date('2026-09-17T16:30:00Z'), new Date('2026-10-22T15:59:59Z')).days,
    remainingBeforeMidnight: calendar.remainingWorkingDays(new Date('2026-10-21T15:59:00Z'), '2026-10-22').remaining,
    remainingAfterMidnight: calendar.remainingWorkingDays(new Date('2026-10-21T16:01:00Z'), '2026-10-22').remaining,
    paused: calendar.addWorkingDays('2026-03-02', 20, {
      pauses: [{ from: new Date('2026-03-08T16:00:00Z'), to: new Date('2026-03-16T15:59:59Z'), reason: '检测' }],
    }).date,
  };
}

describe('independence from the machine time zone', () => {
  afterEach(() => jest.restoreAllMocks());

  it('never reads local time, and answers on the Beijing calendar', () => {
    for (const method of LOCAL_TIME_METHODS) {
      jest.spyOn(Date.prototype, method).mockImplementation(() => {
        throw new Error(`Date.prototype.${method} reads the machine time zone`);
      });
    }
    const result = answers();
    jest.restoreAllMocks();

    expect(result).toEqual({
      beforeBeijingMidnight: '2026-09-30',
      afterBeijingMidnight: '2026-10-01',
      utcMidnight: '2026-10-08',
      lateThursday: '2026-10-21',
      earlyFriday: '2026-10-22',
      afterHoursFriday: '2026-10-23',
      firstDayOfHoliday: false,
      between: 20,
      remainingBeforeMidnight: 1,
      remainingAfterMidnight: 0,
      paused: '2026-04-07',
    });
  });

  it('detects a local-time read, so the test above would catch one', () => {
    jest.spyOn(Date.prototype, 'getDate').mockImplementation(() => {
      throw new Error('local time read');
    });
    expect(() => new Date('2026-09-18T00:00:00Z').getDate()).toThrow('local time read');
  });
});
