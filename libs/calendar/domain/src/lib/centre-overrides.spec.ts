import { nationalCalendar } from './national-calendar';

const national = nationalCalendar();

describe('centre overrides on top of the national calendar', () => {
  it('an extra closure pushes a deadline by one working day', () => {
    const suining = national.withOverrides([{ date: '2026-10-15', kind: 'closed', reason: '防汛应急闭厅' }]);
    expect(suining.addWorkingDays('2026-09-18', 20).date).toBe('2026-10-23');
    expect(suining.describeDay('2026-10-15')).toMatchObject({
      working: false,
      kind: 'centre-closed',
      overrideReason: '防汛应急闭厅',
    });
  });

  it('an open hall service day on a Saturday counts', () => {
    const shehong = national.withOverrides([{ date: '2026-10-17', kind: 'open', reason: '周末延时服务' }]);
    expect(shehong.isWorkingDay('2026-10-17').working).toBe(true);
    expect(shehong.addWorkingDays('2026-09-18', 20).date).toBe('2026-10-21');
    expect(shehong.workingDaysBetween('2026-09-18', '2026-10-21').days).toBe(20);
  });

  it('an open day inside National Day counts, a closure on a make-up Saturday does not', () => {
    const centre = national.withOverrides([
      { date: '2026-10-05', kind: 'open', reason: '国庆值班受理' },
      { date: '2026-10-10', kind: 'closed', reason: '系统迁移' },
    ]);
    expect(centre.describeDay('2026-10-05')).toMatchObject({ working: true, kind: 'centre-open', holidayName: '国庆节' });
    expect(centre.isWorkingDay('2026-10-10').working).toBe(false);
    // 09-30 → 10-05 (open) is 1, 10-08 is 2, 10-09 is 3, 10-10 is closed, 10-12 is 4.
    expect(centre.addWorkingDays('2026-09-30', 4).date).toBe('2026-10-12');
  });

  it('leaves the calendar it was made from unchanged', () => {
    const centre = national.withOverrides([{ date: '2026-10-15', kind: 'closed', reason: '闭厅' }]);
    expect(centre).not.toBe(national);
    expect(national.isWorkingDay('2026-10-15').working).toBe(true);
    expect(national.addWorkingDays('2026-09-18', 20).date).toBe('2026-10-22');
  });

  it('layers: a later override for the same date wins', () => {
    const closed = national.withOverrides([{ date: '2026-10-17', kind: 'closed', reason: '闭厅' }]);
    const reopened = closed.withOverrides([{ date: '2026-10-17', kind: 'open', reason: '改为开放' }]);
    expect(reopened.describeDay('2026-10-17')).toMatchObject({ working: true, overrideReason: '改为开放' });
    expect(closed.isWorkingDay('2026-10-17').working).toBe(false);
  });

  it('refuses two overrides for one date in one list, and overrides without a reason', () => {
    expect(() =>
      national.withOverrides([
        { date: '2026-10-17', kind: 'open', reason: 'a' },
        { date: '2026-10-17', kind: 'closed', reason: 'b' },
      ]),
    ).toThrow(/Two overrides/);
    expect(() => national.withOverrides([{ date: '2026-10-17', kind: 'open', reason: ' ' }])).toThrow(/reason/);
    expect(() => national.withOverrides([{ date: '2026-13-01', kind: 'open', reason: 'x' }])).toThrow(RangeError);
  });

  it('an override in an unpublished year does not make that year covered', () => {
    const centre = national.withOverrides([{ date: '2027-01-01', kind: 'closed', reason: '元旦（预计）' }]);
    expect(centre.coverage().toYear).toBe(2026);
    expect(centre.isWorkingDay('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: false,
      provisional: true,
      uncoveredYears: [2027],
    });
    // Still a guess for the rest of 2027: the closure shifts the provisional deadline by one day.
    expect(centre.addWorkingDays('2026-12-20', 20)).toMatchObject({
      date: '2027-01-18',
      provisional: true,
      uncoveredYears: [2027],
    });
  });
});
