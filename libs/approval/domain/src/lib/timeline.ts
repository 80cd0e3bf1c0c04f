import { type CivilDate, chinaCivilDate } from '@zhengwu/calendar/domain';
import { ApplicationStatus, isPreAcceptanceStatus, isStepStatus } from './application-status';
import type { LocalizedText } from './localized-text';
import { ACTION_LABELS, type ApplicationAction, STEP_POST_LABELS, type StepPost } from './vocabulary';

/*
 * The applicant's view of a case (逐环节、逐岗位): which step and which post hold it, since
 * when, until when, and how each step ended, so that every step and post can be rated. Built from
 * the pinned procedure's steps, the event log and the step records, in time order, followed by
 * the steps still to come.
 *
 * Internal comments stay internal: an entry carries the comment only for the actions whose
 * reasons the law says the applicant must be given (行政许可法 §32 notices and refusals to
 * accept, §38 denials, §42 extensions, §45 special procedures) and for withdrawal/termination.
 */

export interface TimelineStepDefinition {
  name: LocalizedText;
  post: StepPost;
  limitWorkingDays: number;
}

export interface TimelineEventInput {
  action: ApplicationAction;
  to: ApplicationStatus;
  /** ISO instant */
  at: string;
  comment?: string | null;
}

export type StepOutcome = 'passed' | 'returned' | 'approved' | 'denied';

export interface TimelineStepRecordInput {
  stepIndex: number;
  /** ISO instant */
  startedAt: string;
  /** `YYYY-MM-DD`, as computed by `stepDeadline`; null while suspended. */
  due: string | null;
  /** ISO instant; null while the step is in progress. */
  finishedAt: string | null;
  outcome: StepOutcome | null;
}

export type TimelineEntry =
  | {
      kind: 'milestone';
      action: ApplicationAction;
      label: LocalizedText;
      at: string;
      status: ApplicationStatus;
      comment: string | null;
    }
  | {
      kind: 'step';
      stepIndex: number;
      name: LocalizedText;
      post: StepPost;
      postLabel: LocalizedText;
      started: string | null;
      due: string | null;
      finished: string | null;
      state: StepOutcome | 'in_progress' | 'upcoming';
      /** Finished after its due date, or still open after it. */
      overdue: boolean;
      limitWorkingDays: number;
    };

/** Step-internal moves are shown through the step entries, not as milestones. */
const SHOWN_AS_STEPS: readonly ApplicationAction[] = ['pass_step', 'return_step'];

const PUBLIC_COMMENT: readonly ApplicationAction[] = [
  'return_with_notice',
  'not_accept',
  'deny',
  'extend',
  'start_special_procedure',
  'end_special_procedure',
  'withdraw',
  'terminate',
];

export function buildTimeline(input: {
  steps: readonly TimelineStepDefinition[];
  events: readonly TimelineEventInput[];
  stepRecords: readonly TimelineStepRecordInput[];
  /** Where the case is now, to know which steps are still to come. */
  current: { status: ApplicationStatus; currentStep: number | null };
  now: Date;
}): TimelineEntry[] {
  const today = chinaCivilDate(input.now);
  const dated: Array<{ at: number; order: number; entry: TimelineEntry }> = [];

  input.events.forEach((event, order) => {
    if (SHOWN_AS_STEPS.includes(event.action)) return;
    dated.push({
      at: instant(event.at),
      order,
      entry: {
        kind: 'milestone',
        action: event.action,
        label: ACTION_LABELS[event.action],
        at: event.at,
        status: event.to,
        comment: PUBLIC_COMMENT.includes(event.action) ? event.comment ?? null : null,
      },
    });
  });

  input.stepRecords.forEach((record, order) => {
    const step = input.steps[record.stepIndex];
    if (!step) {
      throw new RangeError(`A record for step ${record.stepIndex}, but the procedure has ${input.steps.length} steps`);
    }
    const endDay = record.finishedAt === null ? today : chinaCivilDate(new Date(instant(record.finishedAt)));
    dated.push({
      at: instant(record.startedAt),
      // After the events at the same instant: acceptance comes before its first step.
      order: input.events.length + order,
      entry: {
        ...stepEntry(record.stepIndex, step),
        started: record.startedAt,
        due: record.due,
        finished: record.finishedAt,
        state: record.finishedAt === null ? 'in_progress' : record.outcome ?? 'passed',
        overdue: record.due !== null && endDay > (record.due as CivilDate),
      },
    });
  });

  dated.sort((a, b) => a.at - b.at || a.order - b.order);
  return [...dated.map((d) => d.entry), ...upcomingSteps(input.steps, input.current)];
}

function upcomingSteps(
  steps: readonly TimelineStepDefinition[],
  current: { status: ApplicationStatus; currentStep: number | null },
): TimelineEntry[] {
  let first: number;
  if (isPreAcceptanceStatus(current.status)) first = 0;
  else if (isStepStatus(current.status) && current.currentStep !== null) first = current.currentStep + 1;
  else return [];
  return steps.slice(first).map((step, i) => ({
    ...stepEntry(first + i, step),
    started: null,
    due: null,
    finished: null,
    state: 'upcoming' as const,
    overdue: false,
  }));
}

function stepEntry(stepIndex: number, step: TimelineStepDefinition) {
  return {
    kind: 'step' as const,
    stepIndex,
    name: step.name,
    post: step.post,
    postLabel: STEP_POST_LABELS[step.post],
    limitWorkingDays: step.limitWorkingDays,
  };
}

function instant(value: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time) || !/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new RangeError(`Not an ISO instant with an offset: ${JSON.stringify(value)}`);
  }
  return time;
}
