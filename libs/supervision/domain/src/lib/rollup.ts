import { chinaCivilDate, type CivilDate } from '@zhengwu/calendar/domain';

/*
 * Roll-up of supervision across levels: each centre sends its aggregates (a snapshot) to every
 * centre above it; a centre's roll-up is the tree of the centres beneath it (from the directory)
 * with the latest snapshot each has sent, and a `missing` flag where none arrived in time.
 * Pure: the caller passes the directory, the stored snapshots and the instant to judge at.
 */

export type RollupLevel = 'province' | 'city' | 'county';

/** The open work of a centre when its snapshot was taken (counts only). */
export interface RollupOpenWork {
  open: number;
  normal: number;
  yellow: number;
  red: number;
  overdueAlerts: number;
  dueSoonAlerts: number;
}

/** The counts of the centre's statistics for the snapshot's period (the centre row of the statistics API). */
export interface RollupCounts {
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
}

/** The counts and the rates derived from them, as the statistics API derives them. */
export interface RollupStatistics extends RollupCounts {
  onTimeRate: number | null;
  averageHandlingWorkingDays: number | null;
  immediateShare: number | null;
  ratingRate: number | null;
  satisfactionRate: number | null;
  rectificationRate: number | null;
}

/** The centre's published catalogue: item counts (summable) and the shares derived from them. */
export interface RollupCatalogueFigures {
  items: number;
  onlineApplicableItems: number;
  fullyOnlineItems: number;
  immediateItems: number;
  limitComparableItems: number;
  limitCompressionSum: number;
}

export interface RollupCatalogue extends RollupCatalogueFigures {
  onlineApplicableShare: number | null;
  fullyOnlineShare: number | null;
  immediateItemShare: number | null;
  limitCompression: number | null;
}

/** What a centre reports (the `supervision.snapshot.v1` payload has exactly these members). */
export interface RollupSnapshot {
  centreCode: string;
  centreName: string;
  level: RollupLevel;
  parentCode: string | null;
  /** ISO instant. */
  generatedAt: string;
  /** YYYY-MM-DD. */
  periodFrom: string;
  periodTo: string;
  intervalMs: number;
  lastSweptAt: string | null;
  openWork: RollupOpenWork;
  statistics: RollupStatistics;
  catalogue: RollupCatalogue;
}

/** A centre of the directory. */
export interface RollupCentre {
  code: string;
  name: string;
  level: RollupLevel;
  parentCode: string | null;
}

/** A snapshot as the receiving centre stored it. */
export interface StoredRollupSnapshot {
  snapshot: RollupSnapshot;
  /** ISO instant it was applied at the receiver. */
  receivedAt: string;
}

export interface RollupTiming {
  /** The receiver's snapshot interval (SUPERVISION_SNAPSHOT_INTERVAL_MS). */
  intervalMs: number;
  /** A snapshot older than interval × grace (of the longer of the receiver's and the sender's interval) is missing. */
  graceFactor: number;
}

/** One centre in the roll-up tree. */
export interface RollupNode {
  code: string;
  name: string;
  level: RollupLevel;
  parentCode: string | null;
  /** When the figures were taken (null: no snapshot ever arrived). */
  snapshotAt: string | null;
  receivedAt: string | null;
  /** No snapshot, or the latest is older than the interval × grace: the figures are stale or absent. */
  missing: boolean;
  /** The snapshot is this old at `asOf` (null: none). */
  ageMs: number | null;
  periodFrom: string | null;
  periodTo: string | null;
  lastSweptAt: string | null;
  openWork: RollupOpenWork | null;
  statistics: RollupStatistics | null;
  catalogue: RollupCatalogue | null;
  /** Sums over this centre and every centre beneath it that has figures (rates recomputed from the sums). */
  subtree: RollupTotals;
  children: RollupNode[];
}

export interface RollupTotals {
  /** Centres in the subtree (this one included). */
  centres: number;
  /** Of which with no timely snapshot. */
  missing: number;
  openWork: RollupOpenWork;
  statistics: RollupStatistics;
  catalogue: RollupCatalogue;
}

/** The answer of GET …/supervision/rollup. */
export interface RollupView {
  centreCode: string;
  asOf: string;
  intervalMs: number;
  graceFactor: number;
  root: RollupNode;
  /** Codes of the centres flagged missing, for a quick look. */
  missing: string[];
}

export const ZERO_OPEN_WORK: RollupOpenWork = Object.freeze({ open: 0, normal: 0, yellow: 0, red: 0, overdueAlerts: 0, dueSoonAlerts: 0 });

/** The statistics period a snapshot reports: the month to date, on the China calendar. */
export function snapshotPeriod(now: Date): { from: CivilDate; to: CivilDate } {
  const to = chinaCivilDate(now);
  return { from: `${to.slice(0, 8)}01` as CivilDate, to };
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

/** Rates from counts, rounded to 4 places, as the statistics API derives them. */
export function statisticsWithRates(counts: RollupCounts): RollupStatistics {
  return {
    ...countsOf(counts),
    onTimeRate: ratio(counts.completedOnTime, counts.completed),
    averageHandlingWorkingDays: ratio(counts.handlingWorkingDays, counts.completed),
    immediateShare: ratio(counts.immediateReceived, counts.received),
    ratingRate: ratio(counts.caseRatings, counts.completed),
    satisfactionRate: ratio(counts.satisfiedRatings, counts.ratings),
    rectificationRate: ratio(counts.badReviewsRectified, counts.badReviews - counts.badReviewsInvalid),
  };
}

/** Shares from the catalogue's item counts, as the statistics API derives them. */
export function catalogueWithShares(figures: RollupCatalogueFigures): RollupCatalogue {
  return {
    ...figuresOf(figures),
    limitCompressionSum: Math.round(figures.limitCompressionSum * 10_000) / 10_000,
    onlineApplicableShare: ratio(figures.onlineApplicableItems, figures.items),
    fullyOnlineShare: ratio(figures.fullyOnlineItems, figures.items),
    immediateItemShare: ratio(figures.immediateItems, figures.items),
    limitCompression: ratio(figures.limitCompressionSum, figures.limitComparableItems),
  };
}

export const ZERO_COUNTS: RollupCounts = Object.freeze({
  received: 0,
  accepted: 0,
  completed: 0,
  completedOnTime: 0,
  overdueCompleted: 0,
  handlingWorkingDays: 0,
  immediateReceived: 0,
  ratings: 0,
  caseRatings: 0,
  satisfiedRatings: 0,
  badReviews: 0,
  badReviewsRectified: 0,
  badReviewsInvalid: 0,
});

export const ZERO_CATALOGUE_FIGURES: RollupCatalogueFigures = Object.freeze({
  items: 0,
  onlineApplicableItems: 0,
  fullyOnlineItems: 0,
  immediateItems: 0,
  limitComparableItems: 0,
  limitCompressionSum: 0,
});

/** How long after its snapshot a centre counts as missing. */
export function missingAfterMs(timing: RollupTiming, senderIntervalMs?: number): number {
  return Math.max(timing.intervalMs, senderIntervalMs ?? 0) * timing.graceFactor;
}

/** Whether a centre's latest snapshot (or its absence) makes it missing at `now`. */
export function isSnapshotMissing(stored: StoredRollupSnapshot | undefined, now: Date, timing: RollupTiming): boolean {
  if (!stored) return true;
  const age = now.getTime() - Date.parse(stored.snapshot.generatedAt);
  return age > missingAfterMs(timing, stored.snapshot.intervalMs);
}

/**
 * The centres beneath `rootCode` in the directory, as a tree (children by code). A centre whose
 * parent is not in the directory hangs under its nearest listed ancestor, per `ancestorsOf`.
 */
export function descendantsOf(rootCode: string, centres: readonly RollupCentre[], ancestorsOf: (code: string) => readonly string[]): RollupCentre[] {
  return centres.filter((centre) => centre.code !== rootCode && ancestorsOf(centre.code).includes(rootCode));
}

/**
 * Builds the roll-up tree of `root`: its own figures (`own`, taken now), and beneath it every
 * centre of the directory below it, each with its latest stored snapshot and the missing flag.
 * A snapshot from a centre the directory does not place beneath the root is ignored.
 */
export function buildRollupTree(input: {
  root: RollupCentre;
  own: RollupSnapshot;
  centres: readonly RollupCentre[];
  ancestorsOf: (code: string) => readonly string[];
  snapshots: ReadonlyMap<string, StoredRollupSnapshot>;
  now: Date;
  timing: RollupTiming;
}): RollupView {
  const { root, own, centres, ancestorsOf, snapshots, now, timing } = input;
  const below = descendantsOf(root.code, centres, ancestorsOf);
  const listed = new Set([root.code, ...below.map((centre) => centre.code)]);
  // The nearest ancestor that is in the tree: a county whose city is not listed hangs under the root.
  const placeOf = (code: string) => ancestorsOf(code).find((ancestor) => listed.has(ancestor)) ?? root.code;
  const childrenOf = new Map<string, RollupCentre[]>();
  for (const centre of [...below].sort((a, b) => a.code.localeCompare(b.code))) {
    const parent = placeOf(centre.code);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), centre]);
  }
  const missing: string[] = [];

  const nodeOf = (centre: RollupCentre, stored: StoredRollupSnapshot | undefined, isRoot: boolean): RollupNode => {
    const flagged = !isRoot && isSnapshotMissing(stored, now, timing);
    if (flagged) missing.push(centre.code);
    const children = (childrenOf.get(centre.code) ?? []).map((child) => nodeOf(child, snapshots.get(child.code), false));
    const snapshot = stored?.snapshot;
    return {
      code: centre.code,
      name: centre.name,
      level: centre.level,
      parentCode: centre.parentCode,
      snapshotAt: snapshot?.generatedAt ?? null,
      receivedAt: stored?.receivedAt ?? null,
      missing: flagged,
      ageMs: snapshot ? Math.max(0, now.getTime() - Date.parse(snapshot.generatedAt)) : null,
      periodFrom: snapshot?.periodFrom ?? null,
      periodTo: snapshot?.periodTo ?? null,
      lastSweptAt: snapshot?.lastSweptAt ?? null,
      openWork: snapshot ? { ...snapshot.openWork } : null,
      statistics: snapshot ? { ...snapshot.statistics } : null,
      catalogue: snapshot ? { ...snapshot.catalogue } : null,
      subtree: totalsOf(snapshot, flagged, children),
      children,
    };
  };

  const rootNode = nodeOf(root, { snapshot: own, receivedAt: own.generatedAt }, true);
  return { centreCode: root.code, asOf: now.toISOString(), intervalMs: timing.intervalMs, graceFactor: timing.graceFactor, root: rootNode, missing: missing.sort() };
}

function totalsOf(snapshot: RollupSnapshot | undefined, missing: boolean, children: readonly RollupNode[]): RollupTotals {
  let openWork: RollupOpenWork = snapshot ? { ...snapshot.openWork } : { ...ZERO_OPEN_WORK };
  let counts = countsOf(snapshot?.statistics ?? ZERO_COUNTS);
  let figures = figuresOf(snapshot?.catalogue ?? ZERO_CATALOGUE_FIGURES);
  let centres = 1;
  let missingCount = missing ? 1 : 0;
  for (const child of children) {
    openWork = addOpenWork(openWork, child.subtree.openWork);
    counts = addUp(counts, countsOf(child.subtree.statistics));
    figures = addUp(figures, figuresOf(child.subtree.catalogue));
    centres += child.subtree.centres;
    missingCount += child.subtree.missing;
  }
  return { centres, missing: missingCount, openWork, statistics: statisticsWithRates(counts), catalogue: catalogueWithShares(figures) };
}

function countsOf(statistics: RollupCounts): RollupCounts {
  const result = { ...ZERO_COUNTS };
  for (const key of Object.keys(ZERO_COUNTS) as Array<keyof RollupCounts>) result[key] = statistics[key] ?? 0;
  return result;
}

function figuresOf(catalogue: RollupCatalogueFigures): RollupCatalogueFigures {
  const result = { ...ZERO_CATALOGUE_FIGURES };
  for (const key of Object.keys(ZERO_CATALOGUE_FIGURES) as Array<keyof RollupCatalogueFigures>) result[key] = catalogue[key] ?? 0;
  return result;
}

function addUp<T extends object>(a: T, b: T): T {
  const sum = { ...a } as Record<string, number>;
  for (const [key, value] of Object.entries(b) as Array<[string, number]>) sum[key] = (sum[key] ?? 0) + value;
  return sum as T;
}

function addOpenWork(a: RollupOpenWork, b: RollupOpenWork): RollupOpenWork {
  return {
    open: a.open + b.open,
    normal: a.normal + b.normal,
    yellow: a.yellow + b.yellow,
    red: a.red + b.red,
    overdueAlerts: a.overdueAlerts + b.overdueAlerts,
    dueSoonAlerts: a.dueSoonAlerts + b.dueSoonAlerts,
  };
}

/**
 * Which snapshot to keep when another arrives for the same centre: the one taken later (deliveries
 * may overtake each other; an older one never replaces a newer one).
 */
export function isNewerSnapshot(candidate: Pick<RollupSnapshot, 'generatedAt'>, stored: Pick<RollupSnapshot, 'generatedAt'> | undefined): boolean {
  return stored === undefined || Date.parse(candidate.generatedAt) > Date.parse(stored.generatedAt);
}
