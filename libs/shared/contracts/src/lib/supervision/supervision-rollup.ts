import type { RollupView } from '@zhengwu/supervision/domain';

/*
 * What `GET /api/v1/centres/{centre}/supervision/rollup` answers: the centre and every centre
 * beneath it in the directory, each with the latest snapshot it sent upward (or none), a `missing`
 * flag for those that stopped reporting, and subtree sums. Spelt out here (rather than re-exported)
 * so clients read the JSON shape in one place; the check at the end keeps it identical to the
 * supervision domain's `RollupView`, which the server builds.
 */

export type RollupLevelView = 'province' | 'city' | 'county';

/** A centre's open work when its snapshot was taken (counts only). */
export interface RollupOpenWorkView {
  open: number;
  normal: number;
  yellow: number;
  red: number;
  overdueAlerts: number;
  dueSoonAlerts: number;
}

/** The centre's statistics for the snapshot's period: counts, and the rates derived from them (null: nothing to divide by). */
export interface RollupStatisticsView {
  received: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  overdueCompleted: number;
  handlingWorkingDays: number;
  immediateReceived: number;
  ratings: number;
  caseRatings: number;
  satisfiedRatings: number;
  badReviews: number;
  badReviewsRectified: number;
  badReviewsInvalid: number;
  onTimeRate: number | null;
  averageHandlingWorkingDays: number | null;
  immediateShare: number | null;
  ratingRate: number | null;
  satisfactionRate: number | null;
  rectificationRate: number | null;
}

/** The centre's published catalogue: item counts and the shares derived from them. */
export interface RollupCatalogueView {
  items: number;
  onlineApplicableItems: number;
  fullyOnlineItems: number;
  immediateItems: number;
  limitComparableItems: number;
  limitCompressionSum: number;
  onlineApplicableShare: number | null;
  fullyOnlineShare: number | null;
  immediateItemShare: number | null;
  limitCompression: number | null;
}

/** Sums over a centre and every centre beneath it that has figures (rates recomputed from the sums). */
export interface RollupTotalsView {
  /** Centres in the subtree, this one included. */
  centres: number;
  /** Of which with no timely snapshot. */
  missing: number;
  openWork: RollupOpenWorkView;
  statistics: RollupStatisticsView;
  catalogue: RollupCatalogueView;
}

/** One centre of the roll-up tree. */
export interface RollupNodeView {
  code: string;
  name: string;
  level: RollupLevelView;
  parentCode: string | null;
  /** ISO instant the figures were taken (null: no snapshot ever arrived). */
  snapshotAt: string | null;
  /** ISO instant the snapshot reached the viewing centre. */
  receivedAt: string | null;
  /** No snapshot, or the latest is older than interval × grace: the figures are stale or absent. Never set on the root. */
  missing: boolean;
  /** How old the snapshot was at `asOf` (null: none). */
  ageMs: number | null;
  /** YYYY-MM-DD: the statistics period of the snapshot (the month to date). */
  periodFrom: string | null;
  periodTo: string | null;
  lastSweptAt: string | null;
  openWork: RollupOpenWorkView | null;
  statistics: RollupStatisticsView | null;
  catalogue: RollupCatalogueView | null;
  subtree: RollupTotalsView;
  children: RollupNodeView[];
}

export interface SupervisionRollupView {
  /** The viewing centre (the root). */
  centreCode: string;
  /** ISO instant the tree was judged at. */
  asOf: string;
  /** The viewing centre's snapshot interval, and the factor after which a snapshot counts as missing. */
  intervalMs: number;
  graceFactor: number;
  root: RollupNodeView;
  /** Codes of the centres flagged missing. */
  missing: string[];
}

// Compile-time only: fails the build when this shape and the domain's drift apart in either direction.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsDomain: Same<SupervisionRollupView, RollupView> = true;
void sameAsDomain;
