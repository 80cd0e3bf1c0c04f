import { DEFECT_KINDS, type DefectKind } from './vocabulary';

/*
 * 行政许可法 §32: when materials are incomplete or not in the statutory form, the agency tells
 * the applicant on the spot or within 5 working days, ONCE, everything that must be corrected.
 * So after the first notice a clerk may only raise a defect that could not have been seen then:
 *
 *  (a) on a material the applicant changed (a new version uploaded after the last notice) or
 *      added (its first version uploaded after the last notice): that is new work to review;
 *  (b) the same material and the same kind already listed in an earlier notice and still not
 *      fixed (no new version since that notice): repeating a known defect is not a new demand.
 *
 * Everything else is a violation: the clerk should have listed it the first time. A required
 * material that is still absent may be listed again only as `missing`, and only if a previous
 * notice already listed it as missing. A supervisor can override the rule with a recorded reason
 * (ARCHITECTURE.md §5); that happens on the server, not here.
 *
 * Time boundary: a version uploaded at exactly a notice's `sentAt` counts as uploaded AFTER it.
 * The clerk compiled the notice before sending it, so a version that did not exist before that
 * instant cannot have been reviewed; treating it as new lets the clerk review it, and a defect
 * raised on unseen work is not a second notice about old work.
 *
 * Instants are compared as instants (`2026-10-08T09:00:00+08:00` equals `2026-10-08T01:00:00Z`),
 * never as strings. A material listed with no versions counts as absent.
 */

export interface Defect {
  materialCode: string;
  kind: DefectKind;
  explanation: string;
}

export interface NoticeRecord {
  /** ISO instant */
  sentAt: string;
  defects: Defect[];
}

export interface MaterialHistory {
  materialCode: string;
  versions: Array<{ version: number; /** ISO instant */ uploadedAt: string }>;
}

export type NoticeViolation = { materialCode: string; kind: DefectKind; reason: 'unchanged_since_last_notice' };

/**
 * `no_defects`: a notice must list at least one defect (an empty return is not a one-time
 * notice: there is nothing to correct, so the application should be accepted).
 * `violations`: some defects break the one-notice rule; they are listed.
 */
export type NoticeCheck =
  | { allowed: true }
  | { allowed: false; reason: 'no_defects' | 'violations'; violations: NoticeViolation[] };

export type NoticeLockReason =
  | 'no_notice_yet'
  | 'changed_since_last_notice'
  | 'added_since_last_notice'
  | 'defect_not_fixed'
  | 'unchanged_since_last_notice';

export interface NoticeLock {
  materialCode: string;
  /** Whether the clerk may still raise a defect on this material. */
  open: boolean;
  reason: NoticeLockReason;
  /** With `defect_not_fixed`: the only kinds that may be raised (those already noticed and unfixed). */
  unfixedKinds?: DefectKind[];
}

/** May the clerk send a notice with these defects? */
export function checkNewNotice(input: {
  previousNotices: NoticeRecord[];
  materials: MaterialHistory[];
  defects: Defect[];
}): NoticeCheck {
  if (input.defects.length === 0) return { allowed: false, reason: 'no_defects', violations: [] };
  for (const defect of input.defects) assertKnownKind(defect.kind);
  const locks = new LockTable(input.previousNotices, input.materials);
  const violations: NoticeViolation[] = [];
  const seen = new Set<string>();
  for (const defect of input.defects) {
    if (locks.permits(defect.materialCode, defect.kind)) continue;
    const key = `${defect.materialCode}\u0000${defect.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ materialCode: defect.materialCode, kind: defect.kind, reason: 'unchanged_since_last_notice' });
  }
  return violations.length === 0 ? { allowed: true } : { allowed: false, reason: 'violations', violations };
}

/**
 * For the pre-review screen: which materials the clerk may still raise defects on, and why.
 * Lists every material in `materials` in order, then any absent material a previous notice
 * listed as missing (it is still owed, so it stays on the screen), earliest noticed first.
 */
export function noticeLocks(input: { previousNotices: NoticeRecord[]; materials: MaterialHistory[] }): NoticeLock[] {
  const locks = new LockTable(input.previousNotices, input.materials);
  const codes = [...input.materials.map((m) => m.materialCode), ...locks.absentButNoticedMissing()];
  return [...new Set(codes)].map((code) => locks.lockOf(code));
}

/** The notices and uploads read once into instants, answering per material. */
class LockTable {
  private readonly notices: ReadonlyArray<{ sentAt: number; defects: readonly Defect[] }>;
  private readonly uploads = new Map<string, number[]>();
  private readonly lastSentAt: number | null;

  constructor(previousNotices: readonly NoticeRecord[], materials: readonly MaterialHistory[]) {
    this.notices = previousNotices
      .map((notice) => ({ sentAt: instant(notice.sentAt, 'sentAt'), defects: notice.defects }))
      .sort((a, b) => a.sentAt - b.sentAt);
    this.lastSentAt = this.notices.length === 0 ? null : this.notices[this.notices.length - 1].sentAt;
    for (const material of materials) {
      const times = material.versions.map((v) => instant(v.uploadedAt, 'uploadedAt'));
      this.uploads.set(material.materialCode, [...(this.uploads.get(material.materialCode) ?? []), ...times]);
    }
  }

  permits(materialCode: string, kind: DefectKind): boolean {
    const lock = this.lockOf(materialCode);
    if (!lock.open) return false;
    return lock.reason !== 'defect_not_fixed' || (lock.unfixedKinds ?? []).includes(kind);
  }

  lockOf(materialCode: string): NoticeLock {
    const lastSentAt = this.lastSentAt;
    if (lastSentAt === null) return { materialCode, open: true, reason: 'no_notice_yet' };
    const uploads = this.uploads.get(materialCode) ?? [];
    // At or after the notice counts as after it (see the time boundary above).
    const since = (at: number) => uploads.some((uploadedAt) => uploadedAt >= at);
    if (since(lastSentAt)) {
      const existedBefore = uploads.some((uploadedAt) => uploadedAt < lastSentAt);
      return { materialCode, open: true, reason: existedBefore ? 'changed_since_last_notice' : 'added_since_last_notice' };
    }
    const absent = uploads.length === 0;
    const unfixedKinds = DEFECT_KINDS.filter((kind) =>
      this.notices.some(
        (notice) =>
          !since(notice.sentAt) &&
          notice.defects.some((d) => d.materialCode === materialCode && d.kind === kind) &&
          // An absent material can only still be missing; another kind on it was never real.
          (!absent || kind === 'missing'),
      ),
    );
    if (unfixedKinds.length > 0) return { materialCode, open: true, reason: 'defect_not_fixed', unfixedKinds };
    return { materialCode, open: false, reason: 'unchanged_since_last_notice' };
  }

  /** In the order they were first noticed, then by code, whatever order the notices came in. */
  absentButNoticedMissing(): string[] {
    const firstNoticed = new Map<string, number>();
    for (const notice of this.notices) {
      for (const defect of notice.defects) {
        const absent = (this.uploads.get(defect.materialCode) ?? []).length === 0;
        if (defect.kind === 'missing' && absent && !firstNoticed.has(defect.materialCode)) {
          firstNoticed.set(defect.materialCode, notice.sentAt);
        }
      }
    }
    return [...firstNoticed].sort(([a, at], [b, bt]) => at - bt || (a < b ? -1 : a > b ? 1 : 0)).map(([code]) => code);
  }
}

function instant(value: string, field: string): number {
  // Date.parse also takes forms like "2026-10-08" (read as UTC midnight) or "Oct 8 2026" (read in
  // the machine's zone); an instant here must carry its offset so no time zone is guessed.
  const time = ISO_INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new RangeError(`${field} is not an ISO instant with an offset: ${JSON.stringify(value)}`);
  return time;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function assertKnownKind(kind: DefectKind): void {
  if (!DEFECT_KINDS.includes(kind)) throw new RangeError(`Unknown defect kind: ${String(kind)}`);
}
