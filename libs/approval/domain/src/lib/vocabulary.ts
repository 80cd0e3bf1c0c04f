import type { LocalizedText } from './localized-text';

/*
 * The approval vocabulary shared by the status machine, the API and the UI. Each union has a
 * frozen list of its members (to validate input and to iterate in tests) and zh-CN/en labels.
 */

/**
 * The legal clock of an accepted application (行政许可法 §42). `paused` only during a special
 * procedure (§45); `stopped` once the decision is taken and in every final status.
 */
export type ClockState = 'not_started' | 'running' | 'paused' | 'stopped';
export const CLOCK_STATES: readonly ClockState[] = Object.freeze(['not_started', 'running', 'paused', 'stopped']);

/**
 * GB/T 39046 special procedure type "2 other": the procedures 行政许可法 §45 excludes from the
 * time limit. The extension of §42 (type "1") is not a pause and is modelled separately.
 */
export type SpecialProcedureKind =
  | 'hearing'
  | 'testing'
  | 'inspection'
  | 'quarantine'
  | 'appraisal'
  | 'expert_review'
  | 'on_site_inspection';
export const SPECIAL_PROCEDURE_KINDS: readonly SpecialProcedureKind[] = Object.freeze([
  'hearing',
  'testing',
  'inspection',
  'quarantine',
  'appraisal',
  'expert_review',
  'on_site_inspection',
]);

export type SupervisionLevel = 'normal' | 'yellow' | 'red';
export const SUPERVISION_LEVELS: readonly SupervisionLevel[] = Object.freeze(['normal', 'yellow', 'red']);

/** 出证办结, 退回办结, 作废, 转报, 补正超时驳回, 办结. */
export type ResultType =
  | 'certificate_issued'
  | 'returned'
  | 'voided'
  | 'forwarded'
  | 'correction_timeout_rejected'
  | 'completed';
export const RESULT_TYPES: readonly ResultType[] = Object.freeze([
  'certificate_issued',
  'returned',
  'voided',
  'forwarded',
  'correction_timeout_rejected',
  'completed',
]);

export type DeliveryMode = 'window' | 'post' | 'electronic';
export const DELIVERY_MODES: readonly DeliveryMode[] = Object.freeze(['window', 'post', 'electronic']);

/** 即办件 (decided on the spot) / 承诺件 (decided by a promised date). */
export type CaseType = 'immediate' | 'promised';
export const CASE_TYPES: readonly CaseType[] = Object.freeze(['immediate', 'promised']);

/** The posts that hold a procedure step (岗位); supervisors and centre admins hold none. */
export type StepPost = 'window_clerk' | 'reviewer' | 'approver';
export const STEP_POSTS: readonly StepPost[] = Object.freeze(['window_clerk', 'reviewer', 'approver']);

export type DefectKind = 'missing' | 'illegible' | 'expired' | 'inconsistent' | 'wrong_format' | 'other';
export const DEFECT_KINDS: readonly DefectKind[] = Object.freeze([
  'missing',
  'illegible',
  'expired',
  'inconsistent',
  'wrong_format',
  'other',
]);

export type ApplicationAction =
  | 'submit'
  | 'resubmit'
  | 'withdraw'
  | 'accept'
  | 'accept_with_owed_materials'
  | 'owed_materials_received'
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
  | 'terminate'
  /** The originals check (原件核验) found every original matching: recorded by the system on the attestation. */
  | 'originals_verified'
  /** The originals check found a mismatch or a missing original: back to the applicant with a notice. */
  | 'originals_mismatch';
export const APPLICATION_ACTIONS: readonly ApplicationAction[] = Object.freeze([
  'submit',
  'resubmit',
  'withdraw',
  'accept',
  'accept_with_owed_materials',
  'owed_materials_received',
  'return_with_notice',
  'not_accept',
  'pass_step',
  'return_step',
  'approve',
  'deny',
  'start_special_procedure',
  'end_special_procedure',
  'extend',
  'complete',
  'terminate',
  'originals_verified',
  'originals_mismatch',
]);

/** A type guard for values read from requests or storage. */
export function isOneOf<T extends string>(members: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (members as readonly string[]).includes(value);
}

export const CLOCK_STATE_LABELS: Readonly<Record<ClockState, LocalizedText>> = Object.freeze({
  not_started: { zh: '未计时', en: 'Not started' },
  running: { zh: '计时中', en: 'Running' },
  paused: { zh: '暂停计时（特别程序）', en: 'Paused (special procedure)' },
  stopped: { zh: '已停止计时', en: 'Stopped' },
});

export const SPECIAL_PROCEDURE_LABELS: Readonly<Record<SpecialProcedureKind, LocalizedText>> = Object.freeze({
  hearing: { zh: '听证', en: 'Hearing' },
  testing: { zh: '检验', en: 'Testing' },
  inspection: { zh: '检测', en: 'Inspection' },
  quarantine: { zh: '检疫', en: 'Quarantine' },
  appraisal: { zh: '鉴定', en: 'Appraisal' },
  expert_review: { zh: '专家评审', en: 'Expert review' },
  on_site_inspection: { zh: '现场验收', en: 'On-site inspection' },
});

export const SUPERVISION_LEVEL_LABELS: Readonly<Record<SupervisionLevel, LocalizedText>> = Object.freeze({
  normal: { zh: '正常', en: 'Normal' },
  yellow: { zh: '黄牌预警', en: 'Yellow warning' },
  red: { zh: '红牌超期', en: 'Red: overdue' },
});

export const RESULT_TYPE_LABELS: Readonly<Record<ResultType, LocalizedText>> = Object.freeze({
  certificate_issued: { zh: '出证办结', en: 'Completed, certificate issued' },
  returned: { zh: '退回办结', en: 'Completed, returned' },
  voided: { zh: '作废', en: 'Voided' },
  forwarded: { zh: '转报', en: 'Forwarded' },
  correction_timeout_rejected: { zh: '补正超时驳回', en: 'Rejected, correction period expired' },
  completed: { zh: '办结', en: 'Completed' },
});

export const DELIVERY_MODE_LABELS: Readonly<Record<DeliveryMode, LocalizedText>> = Object.freeze({
  window: { zh: '窗口领取', en: 'Collect at the window' },
  post: { zh: '邮寄送达', en: 'By post' },
  electronic: { zh: '电子送达', en: 'Electronic delivery' },
});

export const CASE_TYPE_LABELS: Readonly<Record<CaseType, LocalizedText>> = Object.freeze({
  immediate: { zh: '即办件', en: 'Decided on the spot' },
  promised: { zh: '承诺件', en: 'Decided by a promised date' },
});

export const STEP_POST_LABELS: Readonly<Record<StepPost, LocalizedText>> = Object.freeze({
  window_clerk: { zh: '窗口受理', en: 'Window clerk' },
  reviewer: { zh: '审核', en: 'Reviewer' },
  approver: { zh: '审批', en: 'Approver' },
});

export const DEFECT_KIND_LABELS: Readonly<Record<DefectKind, LocalizedText>> = Object.freeze({
  missing: { zh: '缺少材料', en: 'Missing' },
  illegible: { zh: '材料不清晰', en: 'Illegible' },
  expired: { zh: '材料已过期', en: 'Expired' },
  inconsistent: { zh: '材料内容不一致', en: 'Inconsistent' },
  wrong_format: { zh: '材料格式不符', en: 'Wrong format' },
  other: { zh: '其他问题', en: 'Other' },
});

export const ACTION_LABELS: Readonly<Record<ApplicationAction, LocalizedText>> = Object.freeze({
  submit: { zh: '提交申请', en: 'Submit' },
  originals_verified: { zh: '原件核验一致', en: 'Originals verified' },
  originals_mismatch: { zh: '原件核验不一致，退回申请人', en: 'Originals do not match: back to the applicant' },
  resubmit: { zh: '补正后重新提交', en: 'Resubmit after correction' },
  withdraw: { zh: '撤回申请', en: 'Withdraw' },
  accept: { zh: '受理', en: 'Accept' },
  accept_with_owed_materials: { zh: '容缺受理', en: 'Accept with materials owed' },
  owed_materials_received: { zh: '容缺材料已补齐', en: 'Owed materials received' },
  return_with_notice: { zh: '退回并一次性告知', en: 'Return with a one-time notice' },
  not_accept: { zh: '不予受理', en: 'Do not accept' },
  pass_step: { zh: '通过', en: 'Pass' },
  return_step: { zh: '退回上一环节', en: 'Return to the previous step' },
  approve: { zh: '准予许可', en: 'Approve' },
  deny: { zh: '不予许可', en: 'Deny' },
  start_special_procedure: { zh: '启动特别程序', en: 'Start a special procedure' },
  end_special_procedure: { zh: '结束特别程序', en: 'End the special procedure' },
  extend: { zh: '延长审批期限', en: 'Extend the time limit' },
  complete: { zh: '办结', en: 'Complete' },
  terminate: { zh: '终止办理', en: 'Terminate' },
});

/** GB/T 39046 case type code: 1 即办件, 2 承诺件. */
export function caseTypeToGbt39046Code(caseType: CaseType): 1 | 2 {
  return caseType === 'immediate' ? 1 : 2;
}

export function caseTypeFromGbt39046Code(code: number): CaseType {
  if (code === 1) return 'immediate';
  if (code === 2) return 'promised';
  throw new RangeError(`Not a GB/T 39046 case type code: ${code}`);
}
