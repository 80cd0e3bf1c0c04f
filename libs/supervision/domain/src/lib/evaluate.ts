import type { CivilDate, Deadline, RemainingWorkingDays } from '@zhengwu/calendar/domain';
import { scopeCovers } from './inheritance';
import type { AlertLevel, Recipient, SupervisionRule } from './rule';

/**
 * Evaluation of open work against the rules at an instant, on a centre's working-day calendar.
 * Pure: the calendar is passed in (only the two operations used), and so is the instant.
 */
export interface SupervisionCalendar {
  remainingWorkingDays(now: Date, deadline: CivilDate): RemainingWorkingDays;
  addWorkingDays(start: Date, n: number): Deadline;
}

/** Statuses (DOMAIN.md) in which a case waits for the centre's pre-review decision. */
export const AWAITING_PRE_REVIEW_STATUSES: readonly number[] = [12, 26];
/** Accepted and not yet completed: the case clock runs (or is paused) and steps are worked on. */
export const CLOCK_STATUSES: readonly number[] = [30, 37, 50];
/** 不予受理 and 不予许可: refusals that must give reasons (行政许可法 §32, §38). */
export const REFUSAL_STATUSES: readonly number[] = [97, 40];

/** One case of the centre as the sweep sees it. */
export interface CaseUnderSupervision {
  applicationId: string;
  caseNumber: string | null;
  status: number;
  clockState: 'not_started' | 'running' | 'paused' | 'stopped';
  itemCode: string | null;
  departmentCode: string | null;
  submittedAt: Date | null;
  /** The promised (承诺) deadline; null while a special procedure suspends it. */
  promisedDue: CivilDate | null;
  /** The open step, if any: its own deadline is supervised too. */
  step: { seq: number; due: CivilDate | null } | null;
  /** For refusals: whether a reason was recorded with the refusal. */
  refusalReasoned?: boolean;
}

/** An originals check this centre does for another centre's case (routed to it). */
export interface VerificationUnderSupervision {
  taskId: string;
  caseNumber: string;
  due: CivilDate | null;
}

export type SubjectKind = 'case' | 'step' | 'verification';

export interface Finding {
  ruleId: string;
  level: AlertLevel;
  notify: Recipient[];
  subjectKind: SubjectKind;
  /** Identifies what the alert is about; with rule and level it makes the alert unique. */
  subjectKey: string;
  applicationId: string | null;
  caseNumber: string | null;
  stepSeq: number | null;
  verificationTaskId: string | null;
  /** The deadline the rule measured against, if any. */
  due: CivilDate | null;
  /** Working days begun since the deadline (overdue rules) or left before it (due-soon); null otherwise. */
  workingDays: number | null;
  /** The answer rests on a year whose holidays are not yet published. */
  provisional: boolean;
}

export function caseSubjectKey(applicationId: string): string {
  return `case:${applicationId}`;
}

export function stepSubjectKey(applicationId: string, seq: number): string {
  return `step:${applicationId}:${seq}`;
}

export function verificationSubjectKey(taskId: string): string {
  return `verification:${taskId}`;
}

/** Every rule that fires for this case now. */
export function evaluateCase(rules: readonly SupervisionRule[], work: CaseUnderSupervision, calendar: SupervisionCalendar, now: Date): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.enabled || !scopeCovers(rule.scope, work)) continue;
    const finding = evaluateRuleOnCase(rule, work, calendar, now);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Every verification rule that fires for this task now. */
export function evaluateVerification(
  rules: readonly SupervisionRule[],
  task: VerificationUnderSupervision,
  calendar: SupervisionCalendar,
  now: Date,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    // The task belongs to another centre's item: item and department scopes cannot be matched here.
    if (!rule.enabled || rule.trigger.kind !== 'verification_overdue' || rule.scope.kind !== 'all' || task.due === null) continue;
    const left = calendar.remainingWorkingDays(now, task.due);
    if (!left.overdue || -left.remaining < rule.trigger.afterWorkingDays) continue;
    findings.push({
      ...base(rule),
      subjectKind: 'verification',
      subjectKey: verificationSubjectKey(task.taskId),
      applicationId: null,
      caseNumber: task.caseNumber,
      stepSeq: null,
      verificationTaskId: task.taskId,
      due: task.due,
      workingDays: daysLate(left),
      provisional: left.provisional,
    });
  }
  return findings;
}

function evaluateRuleOnCase(rule: SupervisionRule, work: CaseUnderSupervision, calendar: SupervisionCalendar, now: Date): Finding | null {
  const trigger = rule.trigger;
  const onCase = (due: CivilDate | null, workingDays: number | null, provisional: boolean): Finding => ({
    ...base(rule),
    subjectKind: 'case',
    subjectKey: caseSubjectKey(work.applicationId),
    applicationId: work.applicationId,
    caseNumber: work.caseNumber,
    stepSeq: null,
    verificationTaskId: null,
    due,
    workingDays,
    provisional,
  });
  const onStep = (step: { seq: number; due: CivilDate }, workingDays: number, provisional: boolean): Finding => ({
    ...onCase(step.due, workingDays, provisional),
    subjectKind: 'step',
    subjectKey: stepSubjectKey(work.applicationId, step.seq),
    stepSeq: step.seq,
  });
  const running = CLOCK_STATUSES.includes(work.status) && work.clockState !== 'paused';

  switch (trigger.kind) {
    case 'case_overdue': {
      if (!running || work.promisedDue === null) return null;
      const left = calendar.remainingWorkingDays(now, work.promisedDue);
      return overdueBy(left, trigger.afterWorkingDays) ? onCase(work.promisedDue, daysLate(left), left.provisional) : null;
    }
    case 'step_overdue': {
      const step = openStep(work, running);
      if (!step) return null;
      const left = calendar.remainingWorkingDays(now, step.due);
      return overdueBy(left, trigger.afterWorkingDays) ? onStep(step, daysLate(left), left.provisional) : null;
    }
    case 'due_soon': {
      if (trigger.target === 'case') {
        if (!running || work.promisedDue === null) return null;
        const left = calendar.remainingWorkingDays(now, work.promisedDue);
        return !left.overdue && left.remaining <= trigger.withinWorkingDays ? onCase(work.promisedDue, left.remaining, left.provisional) : null;
      }
      const step = openStep(work, running);
      if (!step) return null;
      const left = calendar.remainingWorkingDays(now, step.due);
      return !left.overdue && left.remaining <= trigger.withinWorkingDays ? onStep(step, left.remaining, left.provisional) : null;
    }
    case 'refused_without_reasons':
      return REFUSAL_STATUSES.includes(work.status) && work.refusalReasoned === false ? onCase(null, null, false) : null;
    case 'pre_review_undecided': {
      if (!AWAITING_PRE_REVIEW_STATUSES.includes(work.status) || work.submittedAt === null) return null;
      // The decision is due on the N-th working day after receipt; from the next day it is late.
      const deadline = calendar.addWorkingDays(work.submittedAt, trigger.afterWorkingDays);
      const left = calendar.remainingWorkingDays(now, deadline.date);
      return left.overdue ? onCase(deadline.date, daysLate(left), deadline.provisional || left.provisional) : null;
    }
    case 'verification_overdue':
      return null;
  }
}

/**
 * Overdue once the deadline day has passed; with a threshold, once that many working days have
 * begun since (a weekend after a Friday deadline is overdue by 0 working days).
 */
function overdueBy(left: RemainingWorkingDays, afterWorkingDays: number): boolean {
  return left.overdue && -left.remaining >= afterWorkingDays;
}

/** Working days begun since the deadline (0, never -0, on the weekend right after it). */
function daysLate(left: RemainingWorkingDays): number {
  return Math.max(0, -left.remaining);
}

/** Steps are supervised while the case clock runs: a paused clock pauses every deadline. */
function openStep(work: CaseUnderSupervision, running: boolean): { seq: number; due: CivilDate } | null {
  if (!running || !work.step || work.step.due === null) return null;
  return { seq: work.step.seq, due: work.step.due };
}

function base(rule: SupervisionRule): Pick<Finding, 'ruleId' | 'level' | 'notify'> {
  return { ruleId: rule.id, level: rule.level, notify: [...rule.notify] };
}
