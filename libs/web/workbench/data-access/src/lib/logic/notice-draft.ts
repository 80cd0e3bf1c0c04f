import {
  DEFECT_KINDS,
  type DefectKind,
  noticeLocks,
  type NoticeLockReason,
  type NoticeViolation,
} from '@zhengwu/approval/domain';
import type { ApplicationView, DefectDto } from '@zhengwu/shared/contracts';
import { errorBodyOf } from '@zhengwu/web/shared/auth';
import { HttpErrorResponse } from '@angular/common/http';

/** The shortest explanation the API accepts for a defect (DefectDto). */
export const DEFECT_EXPLANATION_MIN = 2;
export const DEFECT_EXPLANATION_MAX = 1000;

/**
 * One material on the pre-review screen: whether a defect may still be raised on it under the
 * one-time rule (行政许可法 §32), why, and which kinds.
 */
export interface MaterialNoticeState {
  code: string;
  name: string;
  required: boolean;
  uploaded: boolean;
  open: boolean;
  reason: NoticeLockReason;
  /** The kinds a defect may have: all of them, or only the still-unfixed noticed ones. */
  allowedKinds: readonly DefectKind[];
}

/**
 * Joins the item's materials with the server's `noticeLocks` (the truth for `open` and the
 * reason). The kinds left open by `defect_not_fixed` are recomputed with the same domain rule from
 * the notices and uploads in the view (the contract does not carry them). A material the server
 * does not list was never uploaded nor noticed missing: open before the first notice, locked after.
 */
export function materialNoticeStates(view: ApplicationView): MaterialNoticeState[] {
  const local = new Map(
    noticeLocks({
      previousNotices: view.notices.map((notice) => ({ sentAt: notice.sentAt, defects: notice.defects })),
      materials: view.materials
        .filter((material) => material.versions.length > 0)
        .map((material) => ({ materialCode: material.code, versions: material.versions.map((v) => ({ version: v.version, uploadedAt: v.uploadedAt })) })),
    }).map((lock) => [lock.materialCode, lock]),
  );
  const server = new Map((view.noticeLocks ?? []).map((lock) => [lock.materialCode, lock]));
  return view.materials.map((material) => {
    const fromServer = server.get(material.code);
    const fromDomain = local.get(material.code);
    const open = fromServer?.open ?? fromDomain?.open ?? view.notices.length === 0;
    const reason = (fromServer?.reason as NoticeLockReason | undefined) ?? fromDomain?.reason ?? (view.notices.length === 0 ? 'no_notice_yet' : 'unchanged_since_last_notice');
    const allowedKinds = !open ? [] : reason === 'defect_not_fixed' ? (fromDomain?.unfixedKinds ?? []) : DEFECT_KINDS;
    return {
      code: material.code,
      name: material.name,
      required: material.required,
      uploaded: material.versions.length > 0,
      open,
      reason,
      allowedKinds,
    };
  });
}

/** A defect being drafted: ticked material, chosen kind, written explanation. */
export interface DefectDraft {
  materialCode: string;
  kind: DefectKind | null;
  explanation: string;
}

export type DraftProblem =
  | { materialCode: string; problem: 'locked' | 'kind_required' | 'kind_not_allowed' | 'explanation_short' | 'explanation_long' }
  | { materialCode: null; problem: 'no_defects' };

/** What stops the notice from being sent, per ticked material, before asking the server. */
export function draftProblems(drafts: readonly DefectDraft[], states: readonly MaterialNoticeState[]): DraftProblem[] {
  if (drafts.length === 0) return [{ materialCode: null, problem: 'no_defects' }];
  const byCode = new Map(states.map((state) => [state.code, state]));
  const problems: DraftProblem[] = [];
  for (const draft of drafts) {
    const state = byCode.get(draft.materialCode);
    const explanation = draft.explanation.trim();
    if (!state?.open) problems.push({ materialCode: draft.materialCode, problem: 'locked' });
    else if (!draft.kind) problems.push({ materialCode: draft.materialCode, problem: 'kind_required' });
    else if (!state.allowedKinds.includes(draft.kind)) problems.push({ materialCode: draft.materialCode, problem: 'kind_not_allowed' });
    else if (explanation.length < DEFECT_EXPLANATION_MIN) problems.push({ materialCode: draft.materialCode, problem: 'explanation_short' });
    else if (explanation.length > DEFECT_EXPLANATION_MAX) problems.push({ materialCode: draft.materialCode, problem: 'explanation_long' });
  }
  return problems;
}

/** The request's defects, in the materials' order. */
export function defectsOf(drafts: readonly DefectDraft[], states: readonly MaterialNoticeState[]): DefectDto[] {
  const order = new Map(states.map((state, index) => [state.code, index]));
  return [...drafts]
    .filter((draft): draft is DefectDraft & { kind: DefectKind } => draft.kind !== null)
    .sort((a, b) => (order.get(a.materialCode) ?? 0) - (order.get(b.materialCode) ?? 0))
    .map((draft) => ({ materialCode: draft.materialCode, kind: draft.kind, explanation: draft.explanation.trim() }));
}

/** The defects a `409 ONE_TIME_NOTICE_VIOLATION` names (`details.violations`), else empty. */
export function noticeViolationsOf(error: unknown): NoticeViolation[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const body = errorBodyOf(error.error);
  if (body?.code !== 'ONE_TIME_NOTICE_VIOLATION') return [];
  const details = body.details as { violations?: unknown } | undefined;
  if (!Array.isArray(details?.violations)) return [];
  return (details.violations as unknown[]).filter(
    (v): v is NoticeViolation =>
      v !== null && typeof v === 'object' && typeof (v as NoticeViolation).materialCode === 'string' && typeof (v as NoticeViolation).kind === 'string',
  );
}
