import { nationalCalendar } from '@zhengwu/calendar/domain';
import { openStepQuestions, riskSamples, type StepHistoryEntry } from './risk-inputs';

const calendar = nationalCalendar();
/** 09:00 China time on a civil date. */
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);

function step(overrides: Partial<StepHistoryEntry>): StepHistoryEntry {
  return { itemKey: 'food', stepCode: 'review', post: 'reviewer', startedAt: at('2026-09-28'), finishedAt: null, due: '2026-10-09', outcome: null, ...overrides };
}

describe('risk inputs on the 2026 calendar', () => {
  it('counts limits and durations in working days, across the National Day holiday', () => {
    // Started Monday 09-28, due Friday 10-09: 09-29, 09-30, 10-08, 10-09 (10-01…10-07 are the holiday);
    // finished Monday 10-12, two working days later counting the make-up Saturday 10-10.
    const [sample] = riskSamples([step({ finishedAt: at('2026-10-12'), outcome: 'passed' })], calendar);
    expect(sample).toEqual({ itemKey: 'food', stepCode: 'review', queue: 0, limitWorkingDays: 4, durationWorkingDays: 6 });
  });

  it('learns only from decided steps with a due date, and counts every step in the queues', () => {
    const history = [
      step({ startedAt: at('2026-11-02'), finishedAt: at('2026-11-04'), outcome: 'passed' }),
      step({ startedAt: at('2026-11-03'), finishedAt: at('2026-11-05'), outcome: 'approved' }),
      step({ startedAt: at('2026-11-03'), finishedAt: at('2026-11-04'), outcome: 'withdrawn' }),
      step({ startedAt: at('2026-11-03'), finishedAt: at('2026-11-06'), outcome: 'passed', due: null }),
      step({ startedAt: at('2026-11-02'), finishedAt: at('2026-11-04'), outcome: 'passed', post: 'approver' }),
    ];
    const samples = riskSamples(history, calendar);
    expect(samples.map((s) => s.queue)).toEqual([0, 1, 0]);
    expect(samples).toHaveLength(3);
  });

  it('asks about each open step with its queue at the post now and the working days used', () => {
    const open = [
      step({ startedAt: at('2026-11-23'), due: '2026-11-27' }),
      step({ startedAt: at('2026-11-25'), due: '2026-12-02' }),
      step({ startedAt: at('2026-11-25'), post: 'approver', due: null }),
    ];
    expect(openStepQuestions(open, calendar, at('2026-11-27'))).toEqual([
      { itemKey: 'food', stepCode: 'review', queue: 1, limitWorkingDays: 4, elapsedWorkingDays: 4 },
      { itemKey: 'food', stepCode: 'review', queue: 1, limitWorkingDays: 5, elapsedWorkingDays: 2 },
      null,
    ]);
  });
});
