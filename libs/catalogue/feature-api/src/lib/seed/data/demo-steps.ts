import type { ProcedureStep } from '@zhengwu/catalogue/domain';

/** The usual procedures: 受理 (window clerk) → 审查 (reviewer) → [现场核查] → 决定 (approver). */
export function threeSteps(accept: number, review: number, decide: number): ProcedureStep[] {
  return [
    { code: 'ACCEPT', name: '受理', post: 'window_clerk', limitWorkingDays: accept },
    { code: 'REVIEW', name: '审查', post: 'reviewer', limitWorkingDays: review },
    { code: 'DECIDE', name: '决定', post: 'approver', limitWorkingDays: decide },
  ];
}

export function withInspection(accept: number, review: number, inspect: number, decide: number): ProcedureStep[] {
  return [
    { code: 'ACCEPT', name: '受理', post: 'window_clerk', limitWorkingDays: accept },
    { code: 'REVIEW', name: '审查', post: 'reviewer', limitWorkingDays: review },
    { code: 'INSPECT', name: '现场核查', post: 'reviewer', limitWorkingDays: inspect },
    { code: 'DECIDE', name: '决定', post: 'approver', limitWorkingDays: decide },
  ];
}

/** 即办件: accepted and decided on the spot. */
export const ON_THE_SPOT: ProcedureStep[] = [
  { code: 'ACCEPT', name: '受理', post: 'window_clerk', limitWorkingDays: 0 },
  { code: 'DECIDE', name: '办结', post: 'approver', limitWorkingDays: 0 },
];

export const working = (value: number) => ({ value, unit: 'working_day' as const });
export const natural = (value: number) => ({ value, unit: 'natural_day' as const });
