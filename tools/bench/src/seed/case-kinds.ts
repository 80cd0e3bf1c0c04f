/**
 * The kinds of case the seed writes. Each is a status reached by the workflow's own transitions
 * (submit, accept, pass, approve …), so the row, its step records and its events look exactly
 * like what the API would have written; `case-sql.ts` spells out each kind's dates and records.
 */
export const CASE_KINDS = [
  { kind: 1, name: 'draft', status: 10, label: 'draft, some materials uploaded' },
  { kind: 2, name: 'draftComplete', status: 10, label: 'draft with every required material' },
  { kind: 3, name: 'submitted', status: 12, label: 'submitted, awaiting pre-review (1–7 working days)' },
  { kind: 4, name: 'returned', status: 14, label: 'returned with a one-time notice' },
  { kind: 5, name: 'inSteps', status: 30, label: 'accepted, at a middle or the decision step, due dates around today' },
  { kind: 6, name: 'atReview', status: 30, label: "accepted, at the reviewer's step" },
  { kind: 7, name: 'approved', status: 50, label: 'approved, certificate not yet issued' },
  { kind: 8, name: 'denied', status: 40, label: 'denied, not yet completed' },
  { kind: 9, name: 'completed', status: 90, label: 'completed (on the spot for 即办件), over the last year' },
  { kind: 10, name: 'notAccepted', status: 97, label: 'not accepted' },
  { kind: 11, name: 'withdrawn', status: 98, label: 'withdrawn before pre-review' },
] as const;

export type CaseKindName = (typeof CASE_KINDS)[number]['name'];
export type CaseMix = Partial<Record<CaseKindName, number>>;

/**
 * The history: a centre's year (the cases' dates spread over the last ~245 working days). What is
 * in flight at any moment is about handling time over history length: a case spends a day or two
 * waiting for pre-review and 7–20 working days in its steps, so of a year's cases ~1% await
 * pre-review and ~5% are in their steps; abandoned drafts pile up; the rest is finished.
 */
export const HISTORY_MIX: CaseMix = {
  draft: 6,
  submitted: 1,
  returned: 1,
  inSteps: 5,
  approved: 1,
  denied: 0.5,
  completed: 82,
  notAccepted: 1.5,
  withdrawn: 2,
};

/** Lower bounds of kinds 2…11 in [0, 1), for `width_bucket(random(), bounds) + 1`. */
export function mixBounds(mix: CaseMix): number[] {
  const weights = CASE_KINDS.map((kind) => mix[kind.name] ?? 0);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) throw new Error('A case mix needs at least one kind');
  // Kind j starts where the weights before it end; a kind with nothing after it starts at 1 (never drawn).
  return weights.slice(1).map((_, i) => {
    const before = weights.slice(0, i + 1).reduce((sum, weight) => sum + weight, 0);
    const from = weights.slice(i + 1).reduce((sum, weight) => sum + weight, 0);
    return from === 0 ? 1 : before / total;
  });
}
