import { isCivilDate, type WorkingDayCalendar } from '@zhengwu/calendar/domain';
import { type OpenStep, queuesAtStart, type StepSample } from './risk';

/** A step as read from the approval core: enough to learn from (finished) or to ask about (open). */
export interface StepHistoryEntry {
  itemKey: string;
  stepCode: string;
  post: string;
  startedAt: Date;
  finishedAt: Date | null;
  /** The step's due date (YYYY-MM-DD) when it has a limit. */
  due: string | null;
  outcome: string | null;
}

/** Outcomes that end a step by deciding it; withdrawn or terminated steps say nothing about speed. */
const DECIDED_OUTCOMES: ReadonlySet<string> = new Set(['passed', 'returned', 'approved', 'denied']);

/**
 * The finished steps as the model's samples: durations and limits in working days on the centre's
 * calendar, and the queue at the post when each started (every given step, open ones too, counts
 * in the queues). Steps without a due date or not decided are left out.
 */
export function riskSamples(history: readonly StepHistoryEntry[], calendar: WorkingDayCalendar): StepSample[] {
  const queues = queuesAtStart(history);
  const samples: StepSample[] = [];
  history.forEach((step, index) => {
    if (!step.finishedAt || !isCivilDate(step.due) || !DECIDED_OUTCOMES.has(step.outcome ?? '')) return;
    samples.push({
      itemKey: step.itemKey,
      stepCode: step.stepCode,
      queue: queues[index],
      limitWorkingDays: Math.max(0, calendar.workingDaysBetween(step.startedAt, step.due).days),
      durationWorkingDays: Math.max(0, calendar.workingDaysBetween(step.startedAt, step.finishedAt).days),
    });
  });
  return samples;
}

/**
 * An open step as the model's question at `now`: working days used of its limit, and how many other
 * steps wait at the same post now. `open` must be every open step of the centre (the queue is
 * counted among them); a step without a due date has no limit to breach and gets null.
 */
export function openStepQuestions(open: readonly StepHistoryEntry[], calendar: WorkingDayCalendar, now: Date): Array<OpenStep | null> {
  const atPost = new Map<string, number>();
  for (const step of open) atPost.set(step.post, (atPost.get(step.post) ?? 0) + 1);
  return open.map((step) =>
    isCivilDate(step.due)
      ? {
          itemKey: step.itemKey,
          stepCode: step.stepCode,
          queue: (atPost.get(step.post) ?? 1) - 1,
          limitWorkingDays: Math.max(0, calendar.workingDaysBetween(step.startedAt, step.due).days),
          elapsedWorkingDays: Math.max(0, calendar.workingDaysBetween(step.startedAt, now).days),
        }
      : null,
  );
}
