import { nationalCalendar } from './national-calendar';

const calendar = nationalCalendar();
// A case accepted on Monday 2026-03-02 with a 20-working-day limit is due on 2026-03-30.
const accepted = '2026-03-02';
const testing = { from: '2026-03-09', to: '2026-03-16', reason: '检验检测' } as const;

describe('pauses (行政许可法 §45: hearings, testing, appraisal … do not count)', () => {
  it('without a pause the deadline is 2026-03-30', () => {
    expect(calendar.addWorkingDays(accepted, 20).date).toBe('2026-03-30');
  });

  it('a pause of 5 working days pushes the deadline by 5 working days, across Qingming', () => {
    // The pause runs from Monday 03-09 to Monday 03-16: 03-10 … 03-13 and 03-16 do not count.
    expect(calendar.workingDaysBetween(testing.from, testing.to).days).toBe(5);
    const deadline = calendar.addWorkingDays(accepted, 20, { pauses: [testing] });
    // 03-30 plus 5: 03-31, 04-01, 04-02, 04-03, then 04-04 … 04-06 is Qingming, then 04-07.
    expect(deadline).toEqual({
      suspended: false,
      date: '2026-04-07',
      countedFrom: accepted,
      provisional: false,
      uncoveredYears: [],
    });
    expect(calendar.workingDaysBetween(accepted, '2026-04-07', { pauses: [testing] }).days).toBe(20);
  });

  it('the pause start day counts, the resume day does not', () => {
    // 03-09 is the 5th working day and the day the case goes out for testing: it still counts.
    expect(calendar.addWorkingDays(accepted, 5, { pauses: [testing] }).date).toBe('2026-03-09');
    // The 6th counted day is the day after the resume date.
    expect(calendar.addWorkingDays(accepted, 6, { pauses: [testing] }).date).toBe('2026-03-17');
  });

  it('overlapping pauses do not subtract a day twice', () => {
    const hearing = { from: '2026-03-12', to: '2026-03-18', reason: '听证' } as const;
    const both = { pauses: [testing, hearing] } as const;
    // Together they pause 03-10 … 03-18: 7 working days, not 5 + 4.
    expect(calendar.addWorkingDays(accepted, 20, both).date).toBe('2026-04-09');
    const twice = { pauses: [testing, testing] } as const;
    expect(calendar.addWorkingDays(accepted, 20, twice).date).toBe('2026-04-07');
  });

  it('an open pause suspends the deadline and keeps the days still left', () => {
    const review = { from: '2026-03-09', to: null, reason: '专家评审' } as const;
    const result = calendar.addWorkingDays(accepted, 20, { pauses: [review] });
    expect(result).toEqual({
      suspended: true,
      date: null,
      countedFrom: accepted,
      pausedSince: '2026-03-09',
      remainingWorkingDays: 15,
      provisional: false,
      uncoveredYears: [],
    });
    // Counting up to today skips the open pause too.
    expect(calendar.workingDaysBetween(accepted, '2026-03-20', { pauses: [review] }).days).toBe(5);
  });

  it('an open pause after the deadline does not change it', () => {
    const result = calendar.addWorkingDays(accepted, 20, { pauses: [{ from: '2026-04-01', to: null, reason: '鉴定' }] });
    expect(result).toMatchObject({ suspended: false, date: '2026-03-30' });
  });

  it('reads instants as China dates', () => {
    const pause = { from: new Date('2026-03-09T02:00:00Z'), to: new Date('2026-03-16T07:00:00Z'), reason: '检测' };
    expect(calendar.addWorkingDays(accepted, 20, { pauses: [pause] }).date).toBe('2026-04-07');
    // 15:30 UTC on 03-15 is already 03-16 in Beijing.
    const lateUtc = { ...pause, to: new Date('2026-03-15T16:30:00Z') };
    expect(calendar.addWorkingDays(accepted, 20, { pauses: [lateUtc] }).date).toBe('2026-04-07');
  });

  it('paused days are also left out of the days remaining', () => {
    expect(calendar.remainingWorkingDays('2026-03-06', '2026-04-07', { pauses: [testing] }).remaining).toBe(16);
  });

  it('a same-day pause pauses nothing; a pause that resumes before it starts is an error', () => {
    const sameDay = { from: '2026-03-09', to: '2026-03-09', reason: 'x' } as const;
    expect(calendar.addWorkingDays(accepted, 20, { pauses: [sameDay] }).date).toBe('2026-03-30');
    const backwards = { from: '2026-03-16', to: '2026-03-09', reason: 'x' } as const;
    expect(() => calendar.addWorkingDays(accepted, 20, { pauses: [backwards] })).toThrow(/resumes before/);
  });
});
