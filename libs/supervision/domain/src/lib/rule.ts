/**
 * Supervision rules (电子监察规则) as data. A rule says which open work it watches (scope), when it
 * fires (trigger, in working days on the centre's calendar), how serious that is (level) and who is
 * told (notify). The province publishes a set every centre inherits; a centre may add rules and may
 * override a province rule only to make it stricter (see inheritance.ts).
 */

export type AlertLevel = 'yellow' | 'red';
export const ALERT_LEVELS: readonly AlertLevel[] = ['yellow', 'red'];

/** Whom an alert is addressed to: the holder of the work, the responsible department's head, the centre's supervisors. */
export type Recipient = 'handler' | 'department_head' | 'supervisor';
export const RECIPIENTS: readonly Recipient[] = ['handler', 'department_head', 'supervisor'];

/**
 * `department` names a department by its code at the centre; `item` names an item by its basic code
 * (基本编码, the same in every centre of the province), so a province rule can single one out.
 */
export type RuleScope = { kind: 'all' } | { kind: 'department'; departmentCode: string } | { kind: 'item'; itemCode: string };

/** Which deadline a due-soon rule watches: the whole case's promised limit, or the current step's. */
export type DueTarget = 'case' | 'step';

/**
 * When a rule fires. Thresholds are working days:
 * - `case_overdue` / `step_overdue`: the promised deadline of the case (or the current step's
 *   deadline, even if the case as a whole is on time) has passed and at least `afterWorkingDays`
 *   working days have begun since (0 = from the day after the deadline, a deadline being a whole day);
 * - `due_soon`: not yet overdue, and at most `withinWorkingDays` working days are left (0 = due today);
 * - `refused_without_reasons`: not accepted (不予受理) or denied with no reason recorded;
 * - `pre_review_undecided`: submitted and neither accepted, returned nor refused once
 *   `afterWorkingDays` working days have passed (行政许可法 §32: 5);
 * - `verification_overdue`: an originals check this centre does for another centre's case (routed
 *   to it) is past its due date by at least `afterWorkingDays` working days.
 */
export type RuleTrigger =
  | { kind: 'case_overdue'; afterWorkingDays: number }
  | { kind: 'step_overdue'; afterWorkingDays: number }
  | { kind: 'due_soon'; target: DueTarget; withinWorkingDays: number }
  | { kind: 'refused_without_reasons' }
  | { kind: 'pre_review_undecided'; afterWorkingDays: number }
  | { kind: 'verification_overdue'; afterWorkingDays: number };

export type TriggerKind = RuleTrigger['kind'];
export const TRIGGER_KINDS: readonly TriggerKind[] = [
  'case_overdue',
  'step_overdue',
  'due_soon',
  'refused_without_reasons',
  'pre_review_undecided',
  'verification_overdue',
];

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface SupervisionRule {
  /** Stable id, `[a-z0-9-]`; a centre rule with a province rule's id overrides that rule. */
  id: string;
  name: LocalizedText;
  scope: RuleScope;
  trigger: RuleTrigger;
  level: AlertLevel;
  notify: Recipient[];
  enabled: boolean;
}

export const RULE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const MAX_THRESHOLD_WORKING_DAYS = 60;

export function levelRank(level: AlertLevel): number {
  return level === 'red' ? 2 : 1;
}

export function higherLevel(a: AlertLevel | 'normal', b: AlertLevel | 'normal'): AlertLevel | 'normal' {
  const rank = (level: AlertLevel | 'normal') => (level === 'normal' ? 0 : levelRank(level));
  return rank(a) >= rank(b) ? a : b;
}

/** Problems with one rule's own shape (not its relation to the province); empty when valid. */
export function ruleShapeProblems(rule: SupervisionRule): string[] {
  const problems: string[] = [];
  if (!RULE_ID_PATTERN.test(rule.id)) problems.push('id must be 2–63 characters of a-z, 0-9 and -');
  if (!rule.name?.zh?.trim() || !rule.name?.en?.trim()) problems.push('name needs zh and en text');
  if (!ALERT_LEVELS.includes(rule.level)) problems.push(`unknown level ${String(rule.level)}`);
  if (!Array.isArray(rule.notify) || rule.notify.length === 0) problems.push('notify at least one recipient');
  else if (rule.notify.some((r) => !RECIPIENTS.includes(r))) problems.push('unknown recipient');
  else if (new Set(rule.notify).size !== rule.notify.length) problems.push('a recipient is listed twice');
  const scope = rule.scope;
  if (scope?.kind === 'department' && !scope.departmentCode?.trim()) problems.push('a department scope needs a department code');
  else if (scope?.kind === 'item' && !scope.itemCode?.trim()) problems.push('an item scope needs an item code');
  else if (!scope || !['all', 'department', 'item'].includes(scope.kind)) problems.push('unknown scope');
  const threshold = thresholdOf(rule.trigger);
  if (!TRIGGER_KINDS.includes(rule.trigger?.kind)) problems.push('unknown trigger');
  else if (threshold !== null && (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_THRESHOLD_WORKING_DAYS)) {
    problems.push(`the threshold must be a whole number of working days from 0 to ${MAX_THRESHOLD_WORKING_DAYS}`);
  }
  if (rule.trigger?.kind === 'due_soon' && rule.trigger.target !== 'case' && rule.trigger.target !== 'step') {
    problems.push('a due-soon rule watches the case or the step');
  }
  return problems;
}

/** The trigger's working-day threshold, or null for triggers without one. */
export function thresholdOf(trigger: RuleTrigger): number | null {
  switch (trigger?.kind) {
    case 'case_overdue':
    case 'step_overdue':
    case 'pre_review_undecided':
    case 'verification_overdue':
      return trigger.afterWorkingDays;
    case 'due_soon':
      return trigger.withinWorkingDays;
    case 'refused_without_reasons':
      return null;
    default:
      return null;
  }
}

/**
 * Which way is stricter for a threshold: an overdue-type rule fires EARLIER with a smaller number,
 * a due-soon rule fires earlier with a larger one.
 */
export function stricterThresholdIsLarger(trigger: RuleTrigger): boolean {
  return trigger.kind === 'due_soon';
}

export function sameScope(a: RuleScope, b: RuleScope): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'department' && b.kind === 'department') return a.departmentCode === b.departmentCode;
  if (a.kind === 'item' && b.kind === 'item') return a.itemCode === b.itemCode;
  return true;
}
