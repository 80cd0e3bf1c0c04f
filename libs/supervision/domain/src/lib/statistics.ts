import { type CivilDate, isCivilDate } from '@zhengwu/calendar/domain';

/*
 * Statistics from incrementally maintained counters: each event of the approval core's log is
 * folded exactly once into per-day counters per centre, department, item and staff member, so a
 * period's figures are sums over days, never a scan of the cases.
 */

export type StatDimension = 'centre' | 'department' | 'item' | 'staff';
export const STAT_DIMENSIONS: readonly StatDimension[] = ['centre', 'department', 'item', 'staff'];

export interface StatCounters {
  received: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  overdueCompleted: number;
  /** Sum over completed cases of working days from acceptance to completion. */
  handlingWorkingDays: number;
  immediateReceived: number;
  /** Actions staff took on cases (pre-review decisions, step passes and returns, decisions). */
  staffActions: number;
  /** 好差评 given that day (case and step ratings; per staff member: the ratings of steps they handled). */
  ratings: number;
  /** Ratings of the case as a whole (one per case): the rating rate is caseRatings / completed. */
  caseRatings: number;
  /** Ratings 非常满意, 满意 or 基本满意. */
  satisfiedRatings: number;
  /** 差评 (不满意, 非常不满意) given that day; each opens a rectification case. */
  badReviews: number;
  /** Of that day's bad reviews, those whose rectification is now 'done' (kept up to date as the case moves). */
  badReviewsRectified: number;
  /** Of that day's bad reviews, those found invalid on review (not owed a rectification). */
  badReviewsInvalid: number;
}

export const ZERO_COUNTERS: StatCounters = Object.freeze({
  received: 0,
  accepted: 0,
  completed: 0,
  completedOnTime: 0,
  overdueCompleted: 0,
  handlingWorkingDays: 0,
  immediateReceived: 0,
  staffActions: 0,
  ratings: 0,
  caseRatings: 0,
  satisfiedRatings: 0,
  badReviews: 0,
  badReviewsRectified: 0,
  badReviewsInvalid: 0,
});

/** The counter fields, in the order of the CSV export and the database columns. */
export const STAT_COUNTER_FIELDS: readonly (keyof StatCounters)[] = Object.freeze(Object.keys(ZERO_COUNTERS) as (keyof StatCounters)[]);

/** One event of the log, with what the fold needs of its case (as it is when the event is folded). */
export interface StatEvent {
  seq: number;
  action: string;
  actorKind: 'applicant' | 'staff' | 'system';
  actorId: string | null;
  fromStatus: number;
  toStatus: number;
  /** The China civil date of the event. */
  day: CivilDate;
  caseType: 'immediate' | 'promised';
  departmentName: string;
  itemId: string;
  itemName: string;
  promisedDue: CivilDate | null;
  acceptedAt: Date | null;
  occurredAt: Date;
}

export interface CounterDelta {
  day: CivilDate;
  dimension: StatDimension;
  key: string;
  label: string;
  counters: StatCounters;
}

/** Staff actions counted per staff member. */
export const COUNTED_STAFF_ACTIONS: readonly string[] = [
  'accept',
  'return_with_notice',
  'not_accept',
  'pass_step',
  'return_step',
  'approve',
  'deny',
  'complete',
];

/** Working days from acceptance to completion, on the centre's calendar. */
export type HandlingDays = (acceptedAt: Date, completedAt: Date) => number;

/** What one event adds to the counters of the case's centre, department and item (and its staff actor). */
export function countersOfEvent(event: StatEvent, handlingDays: HandlingDays): StatCounters {
  const counters = { ...ZERO_COUNTERS };
  if (event.action === 'submit') {
    counters.received = 1;
    if (event.caseType === 'immediate') counters.immediateReceived = 1;
  }
  // Acceptance moves a case from below 30 to accepted (30, or 37 with materials owed); a 即办件
  // decided on the spot goes straight to completion and is accepted as well.
  if (event.fromStatus < 30 && (event.toStatus === 30 || event.toStatus === 37 || event.toStatus === 90)) counters.accepted = 1;
  if (event.toStatus === 90 && event.fromStatus !== 90) {
    counters.completed = 1;
    const onTime = event.promisedDue === null || event.day <= event.promisedDue;
    if (onTime) counters.completedOnTime = 1;
    else counters.overdueCompleted = 1;
    counters.handlingWorkingDays = event.acceptedAt ? Math.max(0, handlingDays(event.acceptedAt, event.occurredAt)) : 0;
  }
  return counters;
}

/** Deltas of a batch of events, merged per day, dimension and key. */
export function foldEvents(events: readonly StatEvent[], handlingDays: HandlingDays): CounterDelta[] {
  const merged = new DeltaMerger();
  const add = (day: CivilDate, dimension: StatDimension, key: string, label: string, counters: StatCounters) => merged.add(day, dimension, key, label, counters);
  for (const event of events) {
    const counters = countersOfEvent(event, handlingDays);
    if (!isZero(counters)) {
      add(event.day, 'centre', '', '', counters);
      add(event.day, 'department', event.departmentName, event.departmentName, counters);
      add(event.day, 'item', event.itemId, event.itemName, counters);
    }
    // A staff member is credited with what their own action did (the clerk who accepted, the
    // approver who completed, a counter clerk who submitted a walk-in), plus the action itself.
    if (event.actorKind === 'staff' && event.actorId) {
      const staffAction = COUNTED_STAFF_ACTIONS.includes(event.action) ? 1 : 0;
      const own = { ...counters, staffActions: staffAction };
      if (!isZero(own)) add(event.day, 'staff', event.actorId, '', own);
    }
  }
  return merged.deltas();
}

export function sumCounters(a: StatCounters, b: StatCounters): StatCounters {
  const sum = { ...ZERO_COUNTERS };
  for (const field of STAT_COUNTER_FIELDS) sum[field] = a[field] + b[field];
  return sum;
}

export function isZero(counters: StatCounters): boolean {
  return Object.values(counters).every((value) => value === 0);
}

/** A 好差评 level, as stored (one internal enum; see the approval domain's rating.ts). */
export type StatRatingLevel = 'very_satisfied' | 'satisfied' | 'basic' | 'dissatisfied' | 'very_dissatisfied';

const SATISFIED_LEVELS: readonly string[] = ['very_satisfied', 'satisfied', 'basic'];
const BAD_LEVELS: readonly string[] = ['dissatisfied', 'very_dissatisfied'];

/**
 * A change to the 好差评 data, queued by a database trigger in the transaction that made it (a
 * rating given; a rectification case moving from one status to another), with what the fold
 * needs of its case. Folded exactly once: the sweep deletes what it folds in the same transaction.
 */
export type RatingChange =
  | {
      kind: 'rating';
      /** The China civil date of the rating. */
      day: CivilDate;
      level: StatRatingLevel;
      /** A rating of the case as a whole (no step). */
      caseRating: boolean;
      /** Who handled the rated step. */
      handlerId: string | null;
      departmentName: string;
      itemId: string;
      itemName: string;
    }
  | {
      kind: 'rectification';
      /** The China civil date of the bad review the rectification case is about (its cohort). */
      day: CivilDate;
      /** null: the case was just opened. */
      fromStatus: string | null;
      toStatus: string;
      responsibleStaffId: string | null;
      departmentName: string;
      itemId: string;
      itemName: string;
    };

/** What one rating change adds (a rectification moving out of 'done' takes one away again). */
export function countersOfRatingChange(change: RatingChange): StatCounters {
  const counters = { ...ZERO_COUNTERS };
  if (change.kind === 'rating') {
    counters.ratings = 1;
    if (change.caseRating) counters.caseRatings = 1;
    if (SATISFIED_LEVELS.includes(change.level)) counters.satisfiedRatings = 1;
    if (BAD_LEVELS.includes(change.level)) counters.badReviews = 1;
    return counters;
  }
  const was = (status: string) => (change.fromStatus === status ? 1 : 0);
  const is = (status: string) => (change.toStatus === status ? 1 : 0);
  counters.badReviewsRectified = is('done') - was('done');
  counters.badReviewsInvalid = is('invalid') - was('invalid');
  return counters;
}

/** Deltas of a batch of rating changes, merged per day, dimension and key. */
export function foldRatingChanges(changes: readonly RatingChange[]): CounterDelta[] {
  const merged = new DeltaMerger();
  for (const change of changes) {
    const counters = countersOfRatingChange(change);
    if (isZero(counters)) continue;
    merged.add(change.day, 'centre', '', '', counters);
    merged.add(change.day, 'department', change.departmentName, change.departmentName, counters);
    merged.add(change.day, 'item', change.itemId, change.itemName, counters);
    const staff = change.kind === 'rating' ? change.handlerId : change.responsibleStaffId;
    if (staff) merged.add(change.day, 'staff', staff, '', counters);
  }
  return merged.deltas();
}

class DeltaMerger {
  private readonly merged = new Map<string, CounterDelta>();

  add(day: CivilDate, dimension: StatDimension, key: string, label: string, counters: StatCounters): void {
    const id = `${day}|${dimension}|${key}`;
    const existing = this.merged.get(id);
    if (existing) existing.counters = sumCounters(existing.counters, counters);
    else this.merged.set(id, { day, dimension, key, label, counters: { ...counters } });
  }

  deltas(): CounterDelta[] {
    return [...this.merged.values()];
  }
}

/**
 * What the catalogue says of the items of a centre, a department or one item (published items
 * only): how many can be applied for online (可网办), fully online (全程网办), are 即办件, and how
 * far the promised limit (承诺时限) is below the legal one (法定时限). The catalogue of a centre is
 * small (hundreds of items), so these are read from it at query time, not counted.
 */
export interface CatalogueFigures {
  items: number;
  onlineApplicableItems: number;
  fullyOnlineItems: number;
  immediateItems: number;
  /** Items whose legal limit is positive and in the same unit as the promised one. */
  limitComparableItems: number;
  /** Sum over those items of (法定 − 承诺) / 法定. */
  limitCompressionSum: number;
}

export const ZERO_CATALOGUE: CatalogueFigures = Object.freeze({
  items: 0,
  onlineApplicableItems: 0,
  fullyOnlineItems: 0,
  immediateItems: 0,
  limitComparableItems: 0,
  limitCompressionSum: 0,
});

/** The catalogue's indicators: shares of the items and the average limit compression. */
export interface CatalogueIndicators extends CatalogueFigures {
  onlineApplicableShare: number | null;
  fullyOnlineShare: number | null;
  /** 即办件 among the items (the case-based share is StatRow.immediateShare). */
  immediateItemShare: number | null;
  /** Average over comparable items of (法定 − 承诺) / 法定: 0 = no compression, 0.6 = promised 40% of legal. */
  limitCompression: number | null;
}

export function catalogueIndicators(figures: CatalogueFigures): CatalogueIndicators {
  return {
    ...figures,
    limitCompressionSum: Math.round(figures.limitCompressionSum * 10_000) / 10_000,
    onlineApplicableShare: ratio(figures.onlineApplicableItems, figures.items),
    fullyOnlineShare: ratio(figures.fullyOnlineItems, figures.items),
    immediateItemShare: ratio(figures.immediateItems, figures.items),
    limitCompression: ratio(figures.limitCompressionSum, figures.limitComparableItems),
  };
}

/** (法定 − 承诺) / 法定 of one item, or null when the limits cannot be compared. */
export function limitCompressionOf(item: { legalLimitValue: number; legalLimitUnit: string; promisedLimitValue: number; promisedLimitUnit: string }): number | null {
  if (item.legalLimitValue <= 0 || item.legalLimitUnit !== item.promisedLimitUnit) return null;
  return (item.legalLimitValue - item.promisedLimitValue) / item.legalLimitValue;
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 10_000) / 10_000;
}

/** A row of the statistics answer: the period's sums and the rates derived from them. */
export interface StatRow extends StatCounters {
  dimension: StatDimension;
  key: string;
  label: string;
  /** completedOnTime / completed; null when nothing was completed. */
  onTimeRate: number | null;
  /** handlingWorkingDays / completed. */
  averageHandlingWorkingDays: number | null;
  /** immediateReceived / received (即办件 share). */
  immediateShare: number | null;
  /** caseRatings / completed (评价率). */
  ratingRate: number | null;
  /** satisfiedRatings / ratings (满意率: 非常满意, 满意, 基本满意). */
  satisfactionRate: number | null;
  /** badReviewsRectified / (badReviews − badReviewsInvalid) (差评整改率). */
  rectificationRate: number | null;
  /** The catalogue's figures for the key (centre, department, item); absent for a staff member. */
  catalogue?: CatalogueIndicators;
}

export function statRow(dimension: StatDimension, key: string, label: string, counters: StatCounters, catalogue: CatalogueFigures | null = null): StatRow {
  return {
    dimension,
    key,
    label,
    ...counters,
    onTimeRate: ratio(counters.completedOnTime, counters.completed),
    averageHandlingWorkingDays: ratio(counters.handlingWorkingDays, counters.completed),
    immediateShare: ratio(counters.immediateReceived, counters.received),
    ratingRate: ratio(counters.caseRatings, counters.completed),
    satisfactionRate: ratio(counters.satisfiedRatings, counters.ratings),
    rectificationRate: ratio(counters.badReviewsRectified, counters.badReviews - counters.badReviewsInvalid),
    ...(catalogue ? { catalogue: catalogueIndicators(catalogue) } : {}),
  };
}

export interface StatisticsView {
  centreCode: string;
  from: string;
  to: string;
  dimension: StatDimension;
  rows: StatRow[];
  /** The last event folded in: figures include every event up to it. */
  foldedThroughSeq: number;
  /** The catalogue of the whole centre (published items), whatever the dimension. */
  catalogue: CatalogueIndicators;
}

/** Why a statistics period is not acceptable, or null: both real dates (YYYY-MM-DD), from ≤ to. */
export function statisticsPeriodProblem(from: unknown, to: unknown): 'from_not_a_date' | 'to_not_a_date' | 'from_after_to' | null {
  if (!isCivilDate(from)) return 'from_not_a_date';
  if (!isCivilDate(to)) return 'to_not_a_date';
  return from > to ? 'from_after_to' : null;
}

/**
 * How a period is read: whole calendar months from the monthly counters, the days before the
 * first and after the last whole month from the daily ones. A year costs 12 monthly rows per key
 * instead of 365 daily ones. Ranges are inclusive; `months` holds first days of months.
 */
export interface PeriodParts {
  days: Array<{ from: CivilDate; to: CivilDate }>;
  months: { from: CivilDate; to: CivilDate } | null;
}

export function periodParts(from: CivilDate, to: CivilDate): PeriodParts {
  const firstWhole = from.endsWith('-01') ? from : nextMonthStart(from);
  const afterLastWhole = monthStart(nextDay(to)); // the month of the day after `to`, started
  if (firstWhole >= afterLastWhole) return { days: from <= to ? [{ from, to }] : [], months: null };
  const days: PeriodParts['days'] = [];
  if (from < firstWhole) days.push({ from, to: previousDay(firstWhole) });
  if (afterLastWhole <= to) days.push({ from: afterLastWhole, to });
  return { days, months: { from: firstWhole, to: previousMonthStart(afterLastWhole) } };
}

/** The first day of the date's month. */
export function monthStart(date: CivilDate): CivilDate {
  return `${date.slice(0, 7)}-01` as CivilDate;
}

function nextMonthStart(date: CivilDate): CivilDate {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? (`${y + 1}-01-01` as CivilDate) : (`${y}-${String(m + 1).padStart(2, '0')}-01` as CivilDate);
}

function previousMonthStart(date: CivilDate): CivilDate {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 1 ? (`${y - 1}-12-01` as CivilDate) : (`${y}-${String(m - 1).padStart(2, '0')}-01` as CivilDate);
}

function nextDay(date: CivilDate): CivilDate {
  return shiftDay(date, 1);
}

function previousDay(date: CivilDate): CivilDate {
  return shiftDay(date, -1);
}

function shiftDay(date: CivilDate, by: number): CivilDate {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + by);
  return utc.toISOString().slice(0, 10) as CivilDate;
}
