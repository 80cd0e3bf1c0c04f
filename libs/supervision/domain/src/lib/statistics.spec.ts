import { nationalCalendar } from '@zhengwu/calendar/domain';
import { foldEvents, type StatEvent, statRow, sumCounters, ZERO_COUNTERS } from './statistics';

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
    });
    expect(deltas.filter((d) => d.dimension === 'staff').map((d) => [d.key, d.day, d.counters.staffActions])).toEqual([
      ['s1', '2026-09-29', 1],
      ['s2', '2026-10-09', 1],
      ['s2', '2026-10-13', 1],
    ]);
    expect(statRow('centre', '', '', centre)).toMatchObject({ onTimeRate: 0.5, averageHandlingWorkingDays: 4.5, immediateShare: 0.5 });
  });
});
