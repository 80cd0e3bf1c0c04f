import type { SupervisionRule } from './rule';

/** The province centre: its rules are the baseline every centre inherits. */
export const PROVINCE_CENTRE = '510000';

/**
 * The province's published rules (seeded for 510000 by the supervision migration). Yellow as a
 * deadline nears, red once it has passed (DOMAIN.md "Supervision"); steps are supervised on their
 * own; a refusal without reasons and a pre-review left past the §32 five working days are red at
 * once; an originals check done for another centre is watched at the verifying centre.
 */
export const PROVINCE_BASELINE_RULES: readonly SupervisionRule[] = Object.freeze([
  {
    id: 'step-due-soon',
    name: { zh: '环节即将到期', en: 'Step due soon' },
    scope: { kind: 'all' },
    trigger: { kind: 'due_soon', target: 'step', withinWorkingDays: 1 },
    level: 'yellow',
    notify: ['handler'],
    enabled: true,
  },
  {
    id: 'case-due-soon',
    name: { zh: '办件即将到期', en: 'Case due soon' },
    scope: { kind: 'all' },
    trigger: { kind: 'due_soon', target: 'case', withinWorkingDays: 2 },
    level: 'yellow',
    notify: ['handler', 'department_head'],
    enabled: true,
  },
  {
    id: 'step-overdue',
    name: { zh: '环节超期', en: 'Step overdue' },
    scope: { kind: 'all' },
    trigger: { kind: 'step_overdue', afterWorkingDays: 0 },
    level: 'red',
    notify: ['handler', 'department_head', 'supervisor'],
    enabled: true,
  },
  {
    id: 'case-overdue',
    name: { zh: '办件超期', en: 'Case overdue' },
    scope: { kind: 'all' },
    trigger: { kind: 'case_overdue', afterWorkingDays: 0 },
    level: 'red',
    notify: ['handler', 'department_head', 'supervisor'],
    enabled: true,
  },
  {
    id: 'refused-without-reasons',
    name: { zh: '不予受理或不予许可未说明理由', en: 'Refused without reasons' },
    scope: { kind: 'all' },
    trigger: { kind: 'refused_without_reasons' },
    level: 'red',
    notify: ['department_head', 'supervisor'],
    enabled: true,
  },
  {
    id: 'pre-review-undecided',
    name: { zh: '预审超过5个工作日未处理', en: 'Pre-review undecided after 5 working days' },
    scope: { kind: 'all' },
    trigger: { kind: 'pre_review_undecided', afterWorkingDays: 5 },
    level: 'red',
    notify: ['handler', 'department_head', 'supervisor'],
    enabled: true,
  },
  {
    id: 'verification-overdue',
    name: { zh: '代为原件核验超期', en: 'Routed originals check overdue' },
    scope: { kind: 'all' },
    trigger: { kind: 'verification_overdue', afterWorkingDays: 0 },
    level: 'yellow',
    notify: ['handler', 'supervisor'],
    enabled: true,
  },
] satisfies SupervisionRule[]);
