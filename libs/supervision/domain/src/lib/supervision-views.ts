/*
 * The supervision API's answers live in libs/shared/contracts/src/lib/supervision (the workbench
 * reads them there); what stays here is the domain's own vocabulary and the sweep's report.
 */

export type NoticeStatus = 'open' | 'responded' | 'closed';

export interface SweepReport {
  centres: number;
  skipped: number;
  evaluated: number;
  raised: number;
  notices: number;
  resolved: number;
  /** Events folded into the statistics counters. */
  folded: number;
  /** Cases whose supervision level (normal / yellow / red) the sweep changed. */
  levelsChanged: number;
}
