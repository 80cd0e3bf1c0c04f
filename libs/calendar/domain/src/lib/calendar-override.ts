import type { CivilDate } from './civil-date';

/**
 * A centre's own deviation from the national schedule, stored per tenant by other code.
 * - `closed`: the hall is shut on a day that would be working (a local holiday, an emergency
 *   closure); the day does not count.
 * - `open`: a hall service day on a day that would be off (e.g. a weekend service day); it counts.
 * A centre override beats the national schedule for its date, but it says nothing about the rest
 * of an unpublished year, so it never makes that year covered.
 */
export interface CalendarOverride {
  readonly date: CivilDate;
  readonly kind: 'closed' | 'open';
  /** Shown to staff and applicants, e.g. 防汛应急闭厅 or 周末延时服务. */
  readonly reason: string;
}
