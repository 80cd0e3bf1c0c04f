import { nationalCalendar } from './national-calendar';

const calendar = nationalCalendar();
const afterHours = { afterHoursCutoff: '17:30' } as const;
// Instants are written with the +08:00 offset: what the clerk's clock in Suining showed.
const at = (beijingTime: string) => new Date(`${beijingTime}+08:00`);

describe('tenant setting: received after office hours counts from the next working day', () => {
  it('within office hours the day of receipt is the start day (not counted)', () => {
    expect(calendar.addWorkingDays(at('2026-09-18T17:29:59'), 20, afterHours)).toMatchObject({
      date: '2026-10-22',
      countedFrom: '2026-09-18',
    });
  });

  it('after the cutoff the next working day becomes the start day, and is itself not counted', () => {
    // Friday 18:00: the next working day is the make-up Sunday 09-20, so counting starts after it.
    expect(calendar.addWorkingDays(at('2026-09-18T18:00:00'), 20, afterHours)).toMatchObject({
      date: '2026-10-23',
      countedFrom: '2026-09-20',
    });
  });

  it('the cutoff time itself is after hours (the hall closes at 17:30)', () => {
    expect(calendar.addWorkingDays(at('2026-09-18T17:30:00'), 20, afterHours).countedFrom).toBe('2026-09-20');
  });

  it('without the setting the time of day does not matter', () => {
    expect(calendar.addWorkingDays(at('2026-09-18T23:59:00'), 20)).toMatchObject({
      date: '2026-10-22',
      countedFrom: '2026-09-18',
    });
  });

  it('received on a non-working day at any time counts from the next working day', () => {
    // Saturday 10:00. Without the setting Saturday is the (uncounted) start day, which gives the
    // same deadline as Friday; with it, the start day is Sunday 09-20, one working day later.
    expect(calendar.addWorkingDays(at('2026-09-19T10:00:00'), 20).date).toBe('2026-10-22');
    expect(calendar.addWorkingDays(at('2026-09-19T10:00:00'), 20, afterHours)).toMatchObject({
      date: '2026-10-23',
      countedFrom: '2026-09-20',
    });
    // During National Day the next working day is 10-08.
    expect(calendar.addWorkingDays(at('2026-10-03T09:00:00'), 0, afterHours).date).toBe('2026-10-08');
    // A civil date has no time of day, so only the non-working-day half applies to it.
    expect(calendar.addWorkingDays('2026-10-01', 1, afterHours)).toMatchObject({
      countedFrom: '2026-10-08',
      date: '2026-10-09',
    });
    expect(calendar.addWorkingDays('2026-09-30', 1, afterHours)).toMatchObject({
      countedFrom: '2026-09-30',
      date: '2026-10-08',
    });
  });

  it('after hours on the eve of a holiday waits for the holiday to end', () => {
    expect(calendar.addWorkingDays(at('2026-09-30T20:00:00'), 1, afterHours)).toMatchObject({
      countedFrom: '2026-10-08',
      date: '2026-10-09',
    });
  });

  it('uses the Beijing clock: 00:10 on Saturday in Beijing is still Friday in UTC', () => {
    const receivedAt = new Date('2026-09-18T16:10:00Z');
    expect(calendar.addWorkingDays(receivedAt, 20, afterHours).countedFrom).toBe('2026-09-20');
    expect(calendar.addWorkingDays(receivedAt, 20).countedFrom).toBe('2026-09-19');
  });

  it('a centre open day counts as office hours, a centre closure does not', () => {
    const centre = calendar.withOverrides([
      { date: '2026-09-19', kind: 'open', reason: '周末延时服务' },
      { date: '2026-10-09', kind: 'closed', reason: '停电' },
    ]);
    expect(centre.addWorkingDays(at('2026-09-19T10:00:00'), 1, afterHours).countedFrom).toBe('2026-09-19');
    expect(centre.addWorkingDays(at('2026-10-09T10:00:00'), 1, afterHours).countedFrom).toBe('2026-10-10');
  });

  it('counting between applies the same start rule, so the round trip holds', () => {
    const receivedAt = at('2026-09-18T18:00:00');
    expect(calendar.workingDaysBetween(receivedAt, '2026-10-23', afterHours).days).toBe(20);
    expect(calendar.workingDaysBetween(receivedAt, '2026-10-23').days).toBe(21);
  });

  it('an after-hours receipt on the last day of 2026 is provisional: its start day is in 2027', () => {
    expect(calendar.addWorkingDays(at('2026-12-31T18:00:00'), 0, afterHours)).toMatchObject({
      date: '2027-01-01',
      provisional: true,
      uncoveredYears: [2027],
    });
    expect(calendar.addWorkingDays(at('2026-12-31T10:00:00'), 0, afterHours)).toMatchObject({ provisional: false });
  });

  it('rejects a malformed cutoff', () => {
    const receivedAt = at('2026-09-18T18:00:00');
    expect(() => calendar.addWorkingDays(receivedAt, 20, { afterHoursCutoff: '5:30pm' })).toThrow(RangeError);
  });
});
