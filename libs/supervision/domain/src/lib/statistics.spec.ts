import { type CivilDate, nationalCalendar } from '@zhengwu/calendar/domain';
import {
  catalogueIndicators,
  foldEvents,
  foldRatingChanges,
  limitCompressionOf,
  periodParts,
  type RatingChange,
  type StatEvent,
  statisticsPeriodProblem,
  statRow,
  sumCounters,
  ZERO_CATALOGUE,
  ZERO_COUNTERS,
} from './statistics';

const calendar = nationalCalendar();
const handlingDays = (from: Date, to: Date) => calendar.workingDaysBetween(from, to).days;

const event = (overrides: Partial<StatEvent>): StatEvent => ({
  seq: 1,
  action: 'submit',
  actorKind: 'applicant',
  actorId: null,
  fromStatus: 10,
  toStatus: 12,
  day: '2026-09-29',
  caseType: 'promised',
  departmentName: '市场监管局',
  itemId: 'i1',
  itemName: '食品经营许可',
  promisedDue: '2026-10-12',
  acceptedAt: new Date('2026-09-29T10:00:00+08:00'),
  occurredAt: new Date('2026-09-29T09:00:00+08:00'),
  ...overrides,
});

describe('statistics counters', () => {
  it('folds receipt, acceptance, completion on time and late, handling days and staff actions', () => {
    const deltas = foldEvents(
      [
        event({ seq: 1 }),
        event({ seq: 2, action: 'accept', actorKind: 'staff', actorId: 's1', fromStatus: 12, toStatus: 30 }),
        // Completed 2026-10-09: the working days after 09-29 are 09-30, 10-08, 10-09 → 3.
        event({ seq: 3, action: 'complete', actorKind: 'staff', actorId: 's2', fromStatus: 50, toStatus: 90, day: '2026-10-09', occurredAt: new Date('2026-10-09T15:00:00+08:00') }),
        event({ seq: 4, action: 'complete', actorKind: 'staff', actorId: 's2', fromStatus: 50, toStatus: 90, day: '2026-10-13', occurredAt: new Date('2026-10-13T15:00:00+08:00') }),
        event({ seq: 5, caseType: 'immediate', itemId: 'i2', itemName: '名称变更' }),
      ],
      handlingDays,
    );
    const centre = deltas.filter((d) => d.dimension === 'centre').reduce((sum, d) => sumCounters(sum, d.counters), ZERO_COUNTERS);
    expect(centre).toEqual({
      received: 2,
      accepted: 1,
      completed: 2,
      completedOnTime: 1,
      overdueCompleted: 1,
      // …and to 10-13 also 10-10 (make-up Saturday), 10-12, 10-13 → 6.
      handlingWorkingDays: 3 + 6,
      immediateReceived: 1,
      staffActions: 0,
      ratings: 0,
      caseRatings: 0,
      satisfiedRatings: 0,
      badReviews: 0,
      badReviewsRectified: 0,
      badReviewsInvalid: 0,
    });
    expect(deltas.filter((d) => d.dimension === 'staff').map((d) => [d.key, d.day, d.counters.staffActions])).toEqual([
      ['s1', '2026-09-29', 1],
      ['s2', '2026-10-09', 1],
      ['s2', '2026-10-13', 1],
    ]);
    expect(statRow('centre', '', '', centre)).toMatchObject({ onTimeRate: 0.5, averageHandlingWorkingDays: 4.5, immediateShare: 0.5 });
    // A staff member is credited with what their own action did: s1 accepted, s2 completed twice.
    const staff = (key: string) => deltas.filter((d) => d.dimension === 'staff' && d.key === key).reduce((sum, d) => sumCounters(sum, d.counters), ZERO_COUNTERS);
    expect(staff('s1')).toMatchObject({ accepted: 1, completed: 0, staffActions: 1 });
    expect(staff('s2')).toMatchObject({ accepted: 0, completed: 2, completedOnTime: 1, overdueCompleted: 1, handlingWorkingDays: 9, staffActions: 2 });
  });

  it('counts ratings and keeps the rectified and invalid bad reviews of a day current as cases move, back and forth', () => {
    const common = { day: '2026-10-09' as const, departmentName: '市场监管局', itemId: 'i1', itemName: '食品经营许可' };
    const changes: RatingChange[] = [
      { kind: 'rating', ...common, level: 'very_satisfied', caseRating: true, handlerId: null },
      { kind: 'rating', ...common, level: 'basic', caseRating: false, handlerId: 's1' },
      { kind: 'rating', ...common, level: 'dissatisfied', caseRating: false, handlerId: 's1' },
      { kind: 'rating', ...common, level: 'very_dissatisfied', caseRating: true, handlerId: null },
      { kind: 'rectification', ...common, fromStatus: null, toStatus: 'open', responsibleStaffId: 's1' },
      { kind: 'rectification', ...common, fromStatus: 'open', toStatus: 'rectifying', responsibleStaffId: 's1' },
      { kind: 'rectification', ...common, fromStatus: 'rectifying', toStatus: 'done', responsibleStaffId: 's1' },
      { kind: 'rectification', ...common, fromStatus: null, toStatus: 'open', responsibleStaffId: null },
      { kind: 'rectification', ...common, fromStatus: 'open', toStatus: 'invalid', responsibleStaffId: null },
      // An appeal reopens an invalid one, a done one is reopened: both taken back, then done again.
      { kind: 'rectification', ...common, fromStatus: 'invalid', toStatus: 'valid', responsibleStaffId: null },
      { kind: 'rectification', ...common, fromStatus: 'done', toStatus: 'rectifying', responsibleStaffId: 's1' },
      { kind: 'rectification', ...common, fromStatus: 'rectifying', toStatus: 'done', responsibleStaffId: 's1' },
    ];
    const deltas = foldRatingChanges(changes);
    const centre = deltas.filter((d) => d.dimension === 'centre').reduce((sum, d) => sumCounters(sum, d.counters), ZERO_COUNTERS);
    expect(centre).toMatchObject({ ratings: 4, caseRatings: 2, satisfiedRatings: 2, badReviews: 2, badReviewsRectified: 1, badReviewsInvalid: 0 });
    expect(deltas.find((d) => d.dimension === 'staff' && d.key === 's1')?.counters).toMatchObject({ ratings: 2, satisfiedRatings: 1, badReviews: 1, badReviewsRectified: 1 });
    expect(statRow('centre', '', '', { ...centre, completed: 4 })).toMatchObject({ ratingRate: 0.5, satisfactionRate: 0.5, rectificationRate: 0.5 });
  });

  it('derives the catalogue shares and the promised/legal compression, comparing only limits in the same unit', () => {
    expect(limitCompressionOf({ legalLimitValue: 20, legalLimitUnit: 'working_day', promisedLimitValue: 5, promisedLimitUnit: 'working_day' })).toBe(0.75);
    expect(limitCompressionOf({ legalLimitValue: 20, legalLimitUnit: 'working_day', promisedLimitValue: 5, promisedLimitUnit: 'natural_day' })).toBeNull();
    expect(limitCompressionOf({ legalLimitValue: 0, legalLimitUnit: 'working_day', promisedLimitValue: 0, promisedLimitUnit: 'working_day' })).toBeNull();
    expect(catalogueIndicators({ items: 3, onlineApplicableItems: 2, fullyOnlineItems: 1, immediateItems: 1, limitComparableItems: 2, limitCompressionSum: 0.75 + 0.5 })).toMatchObject({
      onlineApplicableShare: 0.6667,
      fullyOnlineShare: 0.3333,
      immediateItemShare: 0.3333,
      limitCompression: 0.625,
    });
    expect(catalogueIndicators(ZERO_CATALOGUE)).toMatchObject({ onlineApplicableShare: null, limitCompression: null });
  });

  it('accepts a period of real dates, from on or before to', () => {
    expect(statisticsPeriodProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(statisticsPeriodProblem('2026-02-30', '2026-03-01')).toBe('from_not_a_date');
    expect(statisticsPeriodProblem('2026-01-01', undefined)).toBe('to_not_a_date');
    expect(statisticsPeriodProblem('2026-02-01', '2026-01-31')).toBe('from_after_to');
  });
});

describe('statistics periods', () => {
  it('reads whole months from the monthly counters and the edges from the daily ones', () => {
    expect(periodParts('2026-01-01', '2026-12-31')).toEqual({ days: [], months: { from: '2026-01-01', to: '2026-12-01' } });
    expect(periodParts('2026-01-15', '2026-03-10')).toEqual({
      days: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-03-01', to: '2026-03-10' },
      ],
      months: { from: '2026-02-01', to: '2026-02-01' },
    });
    expect(periodParts('2026-02-03', '2026-02-27')).toEqual({ days: [{ from: '2026-02-03', to: '2026-02-27' }], months: null });
    expect(periodParts('2026-01-31', '2026-03-01')).toEqual({
      days: [
        { from: '2026-01-31', to: '2026-01-31' },
        { from: '2026-03-01', to: '2026-03-01' },
      ],
      months: { from: '2026-02-01', to: '2026-02-01' },
    });
    expect(periodParts('2025-12-01', '2026-01-31')).toEqual({ days: [], months: { from: '2025-12-01', to: '2026-01-01' } });
    expect(periodParts('2024-02-01', '2024-02-29')).toEqual({ days: [], months: { from: '2024-02-01', to: '2024-02-01' } });
    expect(periodParts('2026-05-02', '2026-05-01')).toEqual({ days: [], months: null });
  });

  it('covers every day of any period exactly once', () => {
    const day = (n: number) => new Date(Date.UTC(2023, 10, 1 + n)).toISOString().slice(0, 10) as CivilDate;
    for (let a = 0; a < 500; a += 7) {
      for (let b = a; b < a + 120; b += 5) {
        const parts = periodParts(day(a), day(b));
        const covered: string[] = [];
        for (const range of parts.days) for (let d = range.from; d <= range.to; d = day(dayIndex(d) + 1)) covered.push(d);
        if (parts.months) {
          for (let d = parts.months.from; d <= parts.months.to; d = day(dayIndex(d) + 1)) {
            if (d.endsWith('-01')) for (let x = d; x.slice(0, 7) === d.slice(0, 7); x = day(dayIndex(x) + 1)) covered.push(x);
          }
        }
        const expected = Array.from({ length: b - a + 1 }, (_, i) => day(a + i));
        expect([day(a), day(b), covered.sort()]).toEqual([day(a), day(b), expected]);
      }
    }
  });
});

function dayIndex(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(2023, 10, 1)) / 86_400_000);
}
