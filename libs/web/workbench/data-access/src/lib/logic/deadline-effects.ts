import { caseDeadlines, type StepPost } from '@zhengwu/approval/domain';
import { chinaCivilDate, type CivilDate, type WorkingDayCalendar } from '@zhengwu/calendar/domain';
import type { ApplicationView, ProcedureStepView, TimeLimitView } from '@zhengwu/shared/contracts';

/** The actions whose effect on the deadlines is shown before the staff member confirms. */
export type DeadlineAction =
  | 'accept'
  | 'return_with_notice'
  | 'not_accept'
  | 'pass_step'
  | 'return_step'
  | 'approve'
  | 'deny'
  | 'start_special_procedure'
  | 'end_special_procedure'
  | 'extend'
  | 'complete'
  | 'terminate';

/** The §42 extension: 10 working days, once (行政许可法 §42). */
export const EXTENSION_WORKING_DAYS = 10;

/**
 * One consequence, as data for the confirmation dialog (each kind has a translated sentence).
 * Dates are civil dates in China; `provisional` marks a date in a year whose holidays are not
 * yet published (counted Monday–Friday).
 */
export type DeadlineEffect =
  | { kind: 'clock_starts'; on: CivilDate }
  | { kind: 'clock_stays_stopped' }
  | { kind: 'clock_stops'; on: CivilDate; promisedDue: string | null; remainingWorkingDays: number | null; overdue: boolean }
  | { kind: 'clock_pauses'; on: CivilDate; capWorkingDays: number; resumeBy: CivilDate | null; provisional: boolean }
  | { kind: 'clock_resumes'; on: CivilDate; pausedWorkingDays: number }
  | { kind: 'decided_on_the_spot' }
  | { kind: 'case_due'; which: 'promised' | 'legal'; from: string | null; to: string | null; provisional: boolean; ifFullCap?: boolean }
  | { kind: 'step_closes'; stepName: string; due: string | null; remainingWorkingDays: number | null; overdue: boolean }
  | { kind: 'step_opens'; stepName: string; post: StepPost; limitWorkingDays: number; due: string | null; provisional: boolean }
  | { kind: 'step_due'; stepName: string; from: string | null; to: string | null; provisional: boolean; ifFullCap?: boolean }
  | { kind: 'originals_check_follows'; verificationCentre: string | null }
  | { kind: 'unchanged'; promisedDue: string | null; legalDue: string | null };

export interface DeadlineEffectInput {
  action: DeadlineAction;
  view: ApplicationView;
  calendar: WorkingDayCalendar;
  now: Date;
  /** The item's current published procedure and limits (from its service guide); null if unknown. */
  procedure: readonly ProcedureStepView[] | null;
  limits: { promised: TimeLimitView; legal: TimeLimitView } | null;
  /** For `start_special_procedure`: the announced length in working days. */
  capWorkingDays?: number;
}

/**
 * What confirming an action will do to the case's and the current step's deadlines, computed with
 * the same working-day engine and rules as the server (ApplicationWorkflow, caseDeadlines):
 * - accept: the clock starts today (or on submission, for a case deemed accepted under §32);
 *   promised and legal deadlines count from then; the window's 受理 step completes at once and the
 *   next step's limit starts today.
 * - pass/return a step: the step closes; the next (previous) step's limit starts today.
 * - approve/deny: the clock stops today; the originals check follows an approval where required.
 * - special procedure (§45): the clock pauses today; if it runs its announced length the clock
 *   resumes on `resumeBy` and every running deadline moves by the paused working days.
 * - end of a special procedure: the remaining working days count again from today.
 * - extension (§42): promised and legal deadlines move 10 working days later.
 */
export function deadlineEffects(input: DeadlineEffectInput): DeadlineEffect[] {
  const { view, calendar, now } = input;
  const today = chinaCivilDate(now);
  const promisedDue = view.deadlines.promisedDue;
  const legalDue = view.deadlines.legalDue;
  const unchanged: DeadlineEffect = { kind: 'unchanged', promisedDue, legalDue };
  switch (input.action) {
    case 'accept':
      return acceptEffects(input);
    case 'return_with_notice':
    case 'not_accept':
      return [{ kind: 'clock_stays_stopped' }];
    case 'pass_step':
    case 'return_step': {
      const effects: DeadlineEffect[] = [];
      const current = view.currentStep;
      if (current) effects.push(stepCloses(calendar, now, current.name, current.due));
      const target = current ? input.procedure?.[current.position + (input.action === 'pass_step' ? 1 : -1)] : undefined;
      if (target) effects.push(stepOpens(calendar, now, target));
      effects.push(unchanged);
      return effects;
    }
    case 'approve':
    case 'deny': {
      const effects: DeadlineEffect[] = [clockStops(calendar, now, today, promisedDue)];
      if (input.action === 'approve' && view.originalsCheckRequired && !view.originalsVerified) {
        effects.push({ kind: 'originals_check_follows', verificationCentre: view.verificationCentre });
      }
      return effects;
    }
    case 'terminate':
      return [clockStops(calendar, now, today, promisedDue)];
    case 'complete':
      return [unchanged];
    case 'extend':
      return (['promised', 'legal'] as const).map((which) => {
        const from = which === 'promised' ? promisedDue : legalDue;
        if (!from) return { kind: 'case_due', which, from, to: null, provisional: false };
        const moved = calendar.addWorkingDays(from as CivilDate, EXTENSION_WORKING_DAYS);
        return { kind: 'case_due', which, from, to: moved.date, provisional: moved.provisional };
      });
    case 'start_special_procedure':
      return pauseEffects(input, today);
    case 'end_special_procedure':
      return resumeEffects(input, today);
  }
}

function acceptEffects(input: DeadlineEffectInput): DeadlineEffect[] {
  const { view, calendar, now } = input;
  if (view.item.caseType === 'immediate') return [{ kind: 'decided_on_the_spot' }];
  // 行政许可法 §32: a case not pre-reviewed in time counts as accepted when its materials arrived.
  const acceptedAt = view.deemedAcceptedAt && view.submittedAt ? new Date(view.submittedAt) : now;
  const effects: DeadlineEffect[] = [{ kind: 'clock_starts', on: chinaCivilDate(acceptedAt) }];
  if (input.limits) {
    const due = caseDeadlines(calendar, {
      acceptedAt,
      promised: input.limits.promised,
      legal: input.limits.legal,
      extensionWorkingDays: 0,
      pauses: [],
    });
    effects.push({ kind: 'case_due', which: 'promised', from: null, to: due.promisedDue, provisional: due.provisional });
    effects.push({ kind: 'case_due', which: 'legal', from: null, to: due.legalDue, provisional: due.provisional });
  }
  const steps = input.procedure ?? [];
  // The procedure's first step is usually 受理 at the window: acceptance completes it (PreReviewService).
  const first = steps[0]?.post === 'window_clerk' && steps.length > 1 ? steps[1] : steps[0];
  if (first) effects.push(stepOpens(calendar, now, first));
  return effects;
}

function pauseEffects(input: DeadlineEffectInput, today: CivilDate): DeadlineEffect[] {
  const { view, calendar } = input;
  const cap = input.capWorkingDays;
  if (!cap || !Number.isSafeInteger(cap) || cap < 1) {
    return [{ kind: 'clock_pauses', on: today, capWorkingDays: 0, resumeBy: null, provisional: false }];
  }
  const resume = calendar.addWorkingDays(today, cap);
  const effects: DeadlineEffect[] = [{ kind: 'clock_pauses', on: today, capWorkingDays: cap, resumeBy: resume.date, provisional: resume.provisional }];
  // Working days left at the pause count again from the resume date (pause boundary rule:
  // the pause's own start day counts, the days after it up to the resume date do not).
  const shift = (due: string | null) => shiftAcrossPause(calendar, due, today, resume.date);
  for (const which of ['promised', 'legal'] as const) {
    const from = which === 'promised' ? view.deadlines.promisedDue : view.deadlines.legalDue;
    const moved = shift(from);
    effects.push({ kind: 'case_due', which, from, to: moved.date, provisional: moved.provisional, ifFullCap: true });
  }
  if (view.currentStep) {
    const moved = shift(view.currentStep.due);
    effects.push({ kind: 'step_due', stepName: view.currentStep.name, from: view.currentStep.due, to: moved.date, provisional: moved.provisional, ifFullCap: true });
  }
  return effects;
}

function resumeEffects(input: DeadlineEffectInput, today: CivilDate): DeadlineEffect[] {
  const { view, calendar } = input;
  const pause = view.pause;
  if (!pause) return [{ kind: 'unchanged', promisedDue: view.deadlines.promisedDue, legalDue: view.deadlines.legalDue }];
  const started = chinaCivilDate(new Date(pause.startedAt));
  const paused = calendar.workingDaysBetween(started, today).days;
  const effects: DeadlineEffect[] = [{ kind: 'clock_resumes', on: today, pausedWorkingDays: Math.max(paused, 0) }];
  const shift = (due: string | null) => shiftAcrossPause(calendar, due, started, today);
  for (const which of ['promised', 'legal'] as const) {
    const from = which === 'promised' ? view.deadlines.promisedDue : view.deadlines.legalDue;
    const moved = shift(from);
    effects.push({ kind: 'case_due', which, from, to: moved.date, provisional: moved.provisional });
  }
  if (view.currentStep) {
    const moved = shift(view.currentStep.due);
    effects.push({ kind: 'step_due', stepName: view.currentStep.name, from: view.currentStep.due, to: moved.date, provisional: moved.provisional });
  }
  return effects;
}

/**
 * A deadline counted without a pause from `pausedOn` to `resumedOn`: the working days it still had
 * after `pausedOn` are counted again from `resumedOn`. A deadline on or before the pause's start
 * (already overdue) does not move.
 */
export function shiftAcrossPause(
  calendar: WorkingDayCalendar,
  due: string | null,
  pausedOn: CivilDate,
  resumedOn: CivilDate | null,
): { date: string | null; provisional: boolean } {
  if (!due) return { date: null, provisional: false };
  if (!resumedOn) return { date: null, provisional: false };
  const left = calendar.workingDaysBetween(pausedOn, due as CivilDate).days;
  if (left <= 0) return { date: due, provisional: false };
  const moved = calendar.addWorkingDays(resumedOn, left);
  return { date: moved.date, provisional: moved.provisional };
}

function stepOpens(calendar: WorkingDayCalendar, now: Date, step: ProcedureStepView): DeadlineEffect {
  const due = calendar.addWorkingDays(now, step.limitWorkingDays);
  return { kind: 'step_opens', stepName: step.name, post: step.post, limitWorkingDays: step.limitWorkingDays, due: due.date, provisional: due.provisional };
}

function stepCloses(calendar: WorkingDayCalendar, now: Date, stepName: string, due: string | null): DeadlineEffect {
  if (!due) return { kind: 'step_closes', stepName, due, remainingWorkingDays: null, overdue: false };
  const left = calendar.remainingWorkingDays(now, due as CivilDate);
  return { kind: 'step_closes', stepName, due, remainingWorkingDays: left.remaining, overdue: left.overdue };
}

function clockStops(calendar: WorkingDayCalendar, now: Date, today: CivilDate, promisedDue: string | null): DeadlineEffect {
  if (!promisedDue) return { kind: 'clock_stops', on: today, promisedDue, remainingWorkingDays: null, overdue: false };
  const left = calendar.remainingWorkingDays(now, promisedDue as CivilDate);
  return { kind: 'clock_stops', on: today, promisedDue, remainingWorkingDays: left.remaining, overdue: left.overdue };
}
