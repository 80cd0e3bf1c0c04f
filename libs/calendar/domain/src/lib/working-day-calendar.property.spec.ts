import fc from 'fast-check';
import type { CalendarOverride } from './calendar-override';
import { type CivilDate, parseCivilDate } from './civil-date';
import { CHINA_HOLIDAY_SCHEDULES } from './holiday-data';
import { nationalCalendar } from './national-calendar';
import type { ClosedPause } from './pause';

// A deliberately naive model to check the engine's prefix-sum tables against: walk day by day,
// reading the raw JSON, the overrides and the pauses directly.
const MS_PER_DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
const dateOf = (day: number): CivilDate => parseCivilDate(new Date(day * MS_PER_DAY).toISOString().slice(0, 10));

/** The generated pauses carry civil dates, which the model reads directly. */
type CivilPause = ClosedPause & { readonly from: CivilDate; readonly to: CivilDate };

const published = new Map<number, boolean>();
for (const schedule of CHINA_HOLIDAY_SCHEDULES) {
  for (const entry of schedule.days) published.set(dayOf(entry.date), !entry.isOffDay);
}

function modelWorking(day: number, overrides: readonly CalendarOverride[]): boolean {
  const override = overrides.find((o) => dayOf(o.date) === day);
  if (override) return override.kind === 'open';
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  return published.get(day) ?? (weekday !== 0 && weekday !== 6);
}

function modelPaused(day: number, pauses: readonly CivilPause[]): boolean {
  return pauses.some((p) => dayOf(p.from) < day && day <= dayOf(p.to));
}

function modelAdd(start: CivilDate, n: number, overrides: readonly CalendarOverride[], pauses: readonly CivilPause[]) {
  let day = dayOf(start);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (modelWorking(day, overrides) && !modelPaused(day, pauses)) counted += 1;
  }
  return dateOf(day);
}

// Dates from late 2019 to early 2027, so that both uncovered edges are exercised.
const FIRST = dayOf('2019-10-01');
const LAST = dayOf('2027-03-31');
const date = fc.integer({ min: FIRST, max: LAST }).map(dateOf);
const count = fc.integer({ min: 0, max: 300 });
const overrides = fc
  .uniqueArray(
    fc.record({
      day: fc.integer({ min: FIRST, max: LAST }),
      kind: fc.constantFrom('open' as const, 'closed' as const),
    }),
    { selector: (o) => o.day, maxLength: 12 },
  )
  .map((list) => list.map((o): CalendarOverride => ({ date: dateOf(o.day), kind: o.kind, reason: 'generated' })));
const pauses = fc.array(
  fc
    .record({ from: fc.integer({ min: FIRST, max: LAST }), length: fc.integer({ min: 0, max: 40 }) })
    .map((p): CivilPause => ({ from: dateOf(p.from), to: dateOf(p.from + p.length), reason: 'generated' })),
  { maxLength: 4 },
);
// Any instant in the range, at any millisecond of the day.
const instant = fc
  .integer({ min: FIRST * MS_PER_DAY, max: LAST * MS_PER_DAY })
  .map((ms) => new Date(ms));

const national = nationalCalendar();

describe('working-day calendar properties', () => {
  it('agrees with a day-by-day walk over the raw data, with overrides and pauses', () => {
    fc.assert(
      fc.property(date, count, overrides, pauses, (start, n, centreDays, paused) => {
        const calendar = national.withOverrides(centreDays);
        expect(calendar.addWorkingDays(start, n, { pauses: paused }).date).toBe(modelAdd(start, n, centreDays, paused));
      }),
    );
  });

  it('round trip: workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(date, count, overrides, pauses, (start, n, centreDays, paused) => {
        const calendar = national.withOverrides(centreDays);
        const deadline = calendar.addWorkingDays(start, n, { pauses: paused });
        expect(calendar.workingDaysBetween(start, deadline.date, { pauses: paused }).days).toBe(n);
      }),
    );
  });

  it('monotonic: more days, or a later start, never give an earlier deadline', () => {
    fc.assert(
      fc.property(date, date, count, count, pauses, (a, b, m, n, paused) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [fewer, more] = m <= n ? [m, n] : [n, m];
        const deadline = (start: CivilDate, n: number) => national.addWorkingDays(start, n, { pauses: paused }).date;
        expect(deadline(early, fewer) <= deadline(early, more)).toBe(true);
        expect(deadline(early, fewer) <= deadline(late, fewer)).toBe(true);
      }),
    );
  });

  it('adding a + b is adding a, then b', () => {
    fc.assert(
      fc.property(date, count, count, overrides, pauses, (start, a, b, centreDays, paused) => {
        const calendar = national.withOverrides(centreDays);
        const options = { pauses: paused };
        const stepwise = calendar.addWorkingDays(calendar.addWorkingDays(start, a, options).date, b, options);
        expect(calendar.addWorkingDays(start, a + b, options).date).toBe(stepwise.date);
      }),
    );
  });

  it('counting between is antisymmetric and adds up over consecutive stretches', () => {
    fc.assert(
      fc.property(date, date, date, pauses, (a, b, c, paused) => {
        const between = (x: CivilDate, y: CivilDate) => national.workingDaysBetween(x, y, { pauses: paused }).days;
        expect(between(b, a)).toBe(0 - between(a, b));
        expect(between(a, b) + between(b, c)).toBe(between(a, c));
      }),
    );
  });

  it('a deadline after n ≥ 1 days is a working, unpaused day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 300 }), overrides, pauses, (start, n, centreDays, paused) => {
        const calendar = national.withOverrides(centreDays);
        const deadline = calendar.addWorkingDays(start, n, { pauses: paused }).date;
        expect(calendar.isWorkingDay(deadline).working).toBe(true);
        expect(modelPaused(dayOf(deadline), paused)).toBe(false);
      }),
    );
  });

  it('a pause that starts before the deadline pushes it by exactly its own length', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 200 }), fc.nat(300), fc.nat(60), (start, n, offset, length) => {
        const unpaused = national.addWorkingDays(start, n).date;
        const from = dateOf(Math.min(dayOf(start) + offset, dayOf(unpaused) - 1));
        const pause = { from, to: dateOf(dayOf(from) + length), reason: 'generated' };
        const pauseLength = national.workingDaysBetween(pause.from, pause.to).days;
        expect(national.addWorkingDays(start, n, { pauses: [pause] }).date).toBe(
          national.addWorkingDays(start, n + pauseLength).date,
        );
      }),
    );
  });

  it('is provisional exactly when a counted day lies outside the published years', () => {
    fc.assert(
      fc.property(date, count, (start, n) => {
        const deadline = national.addWorkingDays(start, n);
        const years = new Set<number>();
        for (let day = dayOf(start) + 1; day <= dayOf(deadline.date); day += 1) {
          years.add(Number(dateOf(day).slice(0, 4)));
        }
        const uncovered = [...years].filter((year) => year < 2020 || year > 2026).sort();
        expect({ provisional: deadline.provisional, uncoveredYears: deadline.uncoveredYears }).toEqual({
          provisional: uncovered.length > 0,
          uncoveredYears: uncovered,
        });
      }),
    );
  });

  it('after-hours rule: never earlier, n days after the start day it chose, and round-trips', () => {
    fc.assert(
      fc.property(instant, count, overrides, (receivedAt, n, centreDays) => {
        const calendar = national.withOverrides(centreDays);
        const options = { afterHoursCutoff: '17:30' };
        const withRule = calendar.addWorkingDays(receivedAt, n, options);
        const withoutRule = calendar.addWorkingDays(receivedAt, n);
        expect(withRule.date >= withoutRule.date).toBe(true);
        expect(calendar.isWorkingDay(withRule.countedFrom).working).toBe(true);
        expect(withRule.date).toBe(calendar.addWorkingDays(withRule.countedFrom, n).date);
        expect(calendar.workingDaysBetween(receivedAt, withRule.date, options).days).toBe(n);
      }),
    );
  });
});
