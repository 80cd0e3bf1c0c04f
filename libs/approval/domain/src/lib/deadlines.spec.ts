import fc from 'fast-check';
import { type CivilDate, type Pause, nationalCalendar } from '@zhengwu/calendar/domain';
import { type LimitSpec, caseDeadlines, preReviewDeemedAcceptanceDate, stepDeadline, supervisionLevelFor } from './deadlines';

// 2026: Mid-Autumn 09-25…27 off, National Day 10-01…07 off, Sunday 09-20 and Saturday 10-10 worked (调休).
const calendar = nationalCalendar();
const china = (local: string) => new Date(`${local}+08:00`);
const working = (value: number): LimitSpec => ({ value, unit: 'working_day' });
const natural = (value: number): LimitSpec => ({ value, unit: 'natural_day' });
const hearing = (from: string, to: string | null): Pause => ({ from: from as Pause['from'], to: to as Pause['to'], reason: 'hearing' });

function deadlines(acceptedAt: string, promised: LimitSpec, legal: LimitSpec, extra: { extensionWorkingDays?: number; pauses?: Pause[]; afterHoursCutoff?: string } = {}) {
  return caseDeadlines(calendar, {
    acceptedAt: china(acceptedAt),
    promised,
    legal,
    extensionWorkingDays: extra.extensionWorkingDays ?? 0,
    pauses: extra.pauses ?? [],
    afterHoursCutoff: extra.afterHoursCutoff,
  });
}

describe('caseDeadlines in working days (行政许可法 §42, §82)', () => {
  it('gives 2026-10-22 for 20 working days after 2026-09-18, across the holidays', () => {
    expect(deadlines('2026-09-18T10:00', working(10), working(20))).toEqual({
      promisedDue: '2026-10-09',
      legalDue: '2026-10-22',
      provisional: false,
      uncoveredYears: [],
      suspended: false,
    });
  });

  it('adds the §42 extension to both deadlines', () => {
    expect(deadlines('2026-09-18T10:00', working(10), working(20), { extensionWorkingDays: 10 })).toMatchObject({
      promisedDue: '2026-10-22',
      legalDue: '2026-11-05',
    });
  });

  it('does not count a §45 special procedure', () => {
    // Paused on 09-21 and resumed on 09-24: 22, 23 and 24 September do not count, so each
    // deadline moves by three working days (10-09 → 10-10 (Saturday, worked), 10-12, 10-13).
    expect(deadlines('2026-09-18T10:00', working(10), working(20), { pauses: [hearing('2026-09-21', '2026-09-24')] })).toMatchObject({
      promisedDue: '2026-10-13',
      legalDue: '2026-10-27',
      suspended: false,
    });
  });

  it('is suspended while a special procedure is open', () => {
    expect(deadlines('2026-09-18T10:00', working(10), working(20), { pauses: [hearing('2026-09-21', null)] })).toEqual({
      promisedDue: null,
      legalDue: null,
      provisional: false,
      uncoveredYears: [],
      suspended: true,
    });
  });

  it('counts from the next working day after hours (tenant setting)', () => {
    // Friday 18:00 after a 17:30 close: counted from the make-up Sunday 09-20.
    expect(deadlines('2026-09-18T18:00', working(10), working(20), { afterHoursCutoff: '17:30' })).toMatchObject({
      promisedDue: '2026-10-10',
      legalDue: '2026-10-23',
    });
    expect(deadlines('2026-09-18T17:29', working(10), working(20), { afterHoursCutoff: '17:30' }).legalDue).toBe('2026-10-22');
  });

  it('flags a deadline in 2027, whose holidays are not yet published, as provisional', () => {
    expect(deadlines('2026-12-10T10:00', working(5), working(20))).toEqual({
      promisedDue: '2026-12-17',
      legalDue: '2027-01-07',
      provisional: true,
      uncoveredYears: [2027],
      suspended: false,
    });
  });

  it('refuses nonsense', () => {
    expect(() => deadlines('2026-09-18T10:00', working(-1), working(20))).toThrow(RangeError);
    expect(() => deadlines('2026-09-18T10:00', working(10), working(20), { extensionWorkingDays: 1.5 })).toThrow(RangeError);
    expect(() => deadlines('2026-09-18T10:00', { value: 3, unit: 'week' as never }, working(20))).toThrow(RangeError);
  });
});

describe('caseDeadlines in natural days', () => {
  it('adds calendar days and moves a deadline on a day off to the next working day', () => {
    expect(deadlines('2026-09-18T10:00', natural(13), natural(30))).toMatchObject({
      promisedDue: '2026-10-08', // 10-01 is National Day; 10-08 is the first working day after
      legalDue: '2026-10-19', // 10-18 is a Sunday
      provisional: false,
    });
  });

  it('keeps a deadline that falls on a make-up working day', () => {
    expect(deadlines('2026-09-18T10:00', natural(22), natural(30)).promisedDue).toBe('2026-10-10');
  });

  it('adds the paused calendar days back', () => {
    // Paused 09-19 → 09-21: two days. 5 days would be 09-23; +2 = 09-25, Mid-Autumn → Monday 09-28.
    expect(deadlines('2026-09-18T10:00', natural(5), natural(30), { pauses: [hearing('2026-09-19', '2026-09-21')] }).promisedDue).toBe(
      '2026-09-28',
    );
  });

  it('ignores a pause that starts after the deadline', () => {
    expect(deadlines('2026-09-18T10:00', natural(5), natural(30), { pauses: [hearing('2026-09-23', '2026-09-30')] }).promisedDue).toBe(
      '2026-09-23',
    );
  });

  it('is suspended by an open pause that starts before the deadline', () => {
    expect(deadlines('2026-09-18T10:00', natural(5), natural(30), { pauses: [hearing('2026-09-20', null)] })).toMatchObject({
      promisedDue: null,
      legalDue: null,
      suspended: true,
    });
  });

  it('adds the extension in working days after the natural-day deadline', () => {
    expect(deadlines('2026-09-18T10:00', natural(13), natural(13), { extensionWorkingDays: 10 }).legalDue).toBe('2026-10-21');
  });

  it('is provisional when the deadline or the day it moves to is in 2027', () => {
    expect(deadlines('2026-12-20T10:00', natural(20), working(20))).toMatchObject({
      promisedDue: '2027-01-11', // 01-09 is a Saturday (by the Monday–Friday guess)
      provisional: true,
      uncoveredYears: [2027],
    });
  });

  it('applies the after-hours rule to the start', () => {
    // Received Friday 09-18 at 18:00: starts from Sunday 09-20 (a make-up working day).
    expect(deadlines('2026-09-18T18:00', natural(1), natural(30), { afterHoursCutoff: '17:30' }).promisedDue).toBe('2026-09-21');
  });
});

describe('stepDeadline', () => {
  it('counts a step’s own limit over National Day', () => {
    expect(stepDeadline(calendar, { startedAt: china('2026-09-29T09:00'), limitWorkingDays: 3, pauses: [] })).toEqual({
      due: '2026-10-09',
      provisional: false,
      uncoveredYears: [],
      suspended: false,
    });
  });

  it('is suspended while the case is paused', () => {
    expect(
      stepDeadline(calendar, { startedAt: china('2026-09-29T09:00'), limitWorkingDays: 3, pauses: [hearing('2026-09-29', null)] }),
    ).toMatchObject({ due: null, suspended: true });
  });
});

describe('preReviewDeemedAcceptanceDate (行政许可法 §32)', () => {
  it('is the 5th working day after submission, counting the make-up Saturday', () => {
    expect(preReviewDeemedAcceptanceDate(calendar, china('2026-09-29T15:00'))).toEqual({
      date: '2026-10-12',
      provisional: false,
      uncoveredYears: [],
      receivedOn: '2026-09-29',
    });
  });

  it('counts an after-hours submission from the next working day, but it was received that day', () => {
    expect(preReviewDeemedAcceptanceDate(calendar, china('2026-09-30T23:30'), { afterHoursCutoff: '17:30' })).toMatchObject({
      date: '2026-10-14',
      receivedOn: '2026-09-30',
    });
  });

  it('is provisional into 2027', () => {
    expect(preReviewDeemedAcceptanceDate(calendar, china('2026-12-30T10:00'))).toMatchObject({ date: '2027-01-06', provisional: true });
  });
});

describe('supervisionLevelFor (电子监察)', () => {
  const due = '2026-10-22';

  it.each([
    ['2026-10-15T09:00', 'normal'], // 5 working days left
    ['2026-10-19T09:00', 'yellow'], // 3 left
    ['2026-10-22T16:59', 'yellow'], // due today
    ['2026-10-23T00:01', 'red'],
  ] as const)('at %s it is %s (yellow within 3 working days)', (now, level) => {
    expect(supervisionLevelFor(calendar, china(now), due, 3)).toBe(level);
  });

  it('is red on the weekend after a Friday deadline', () => {
    expect(supervisionLevelFor(calendar, china('2026-10-17T10:00'), '2026-10-16', 3)).toBe('red');
  });

  it('warns only on the day itself with a threshold of 0', () => {
    expect(supervisionLevelFor(calendar, china('2026-10-21T10:00'), due, 0)).toBe('normal');
    expect(supervisionLevelFor(calendar, china('2026-10-22T10:00'), due, 0)).toBe('yellow');
  });

  it('counts the holidays out of the time left', () => {
    // On 09-30, 10-08 is only one working day away.
    expect(supervisionLevelFor(calendar, china('2026-09-30T10:00'), '2026-10-08', 1)).toBe('yellow');
  });

  it('is normal while the deadline is suspended', () => {
    expect(supervisionLevelFor(calendar, china('2026-10-30T10:00'), null, 3)).toBe('normal');
  });
});

describe('natural-day deadlines against a day-by-day model', () => {
  const DAY = 86_400_000;
  const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
  const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

  function model(start: string, n: number, pauses: Array<{ from: string; to: string }>): string {
    let day = dayOf(start);
    for (let counted = 0; counted < n; ) {
      day += 1;
      if (!pauses.some((p) => dayOf(p.from) < day && day <= dayOf(p.to))) counted += 1;
    }
    while (!calendar.isWorkingDay(dateOf(day) as CivilDate).working) day += 1;
    return dateOf(day);
  }

  it('agrees on random starts, limits and closed pauses in 2025–2026', () => {
    const first = dayOf('2025-01-01');
    const dayArb = fc.integer({ min: first, max: first + 600 });
    const pauseArb = fc.tuple(dayArb, fc.integer({ min: 0, max: 20 })).map(([from, length]) => ({ from: dateOf(from), to: dateOf(from + length) }));
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 60 }), fc.array(pauseArb, { maxLength: 3 }), (startDay, n, pauses) => {
        const start = dateOf(startDay);
        const result = caseDeadlines(calendar, {
          acceptedAt: china(`${start}T10:00`),
          promised: natural(n),
          legal: working(0),
          extensionWorkingDays: 0,
          pauses: pauses.map((p) => hearing(p.from, p.to)),
        });
        expect(result.promisedDue).toBe(model(start, n, pauses));
      }),
    );
  });
});
