import {
  buildRollupTree,
  catalogueWithShares,
  isNewerSnapshot,
  isSnapshotMissing,
  snapshotPeriod,
  statisticsWithRates,
  ZERO_OPEN_WORK,
  type RollupCentre,
  type RollupNode,
  type RollupSnapshot,
  type StoredRollupSnapshot,
} from './rollup';

const PROVINCE: RollupCentre = { code: '510000', name: '四川省政务服务中心', level: 'province', parentCode: null };
const SUINING: RollupCentre = { code: '510900', name: '遂宁市政务服务中心', level: 'city', parentCode: '510000' };
const SHEHONG: RollupCentre = { code: '510981', name: '射洪市政务服务中心', level: 'county', parentCode: '510900' };
const CHUANSHAN: RollupCentre = { code: '510903', name: '船山区政务服务中心', level: 'county', parentCode: '510900' };
const CHENGDU: RollupCentre = { code: '510100', name: '成都市政务服务中心', level: 'city', parentCode: '510000' };
const CENTRES = [PROVINCE, SUINING, SHEHONG, CHUANSHAN, CHENGDU];
const PARENTS = new Map(CENTRES.map((centre) => [centre.code, centre.parentCode]));
const ancestorsOf = (code: string): string[] => {
  const chain: string[] = [];
  for (let parent = PARENTS.get(code) ?? null; parent !== null; parent = PARENTS.get(parent) ?? null) chain.push(parent);
  return chain;
};

const NOW = new Date('2026-11-27T04:00:00Z');
const TIMING = { intervalMs: 300_000, graceFactor: 3 };

function snapshot(
  centre: RollupCentre,
  generatedAt: Date,
  figures: { open?: number; red?: number; yellow?: number; received?: number; completed?: number; onTime?: number; ratings?: number; satisfied?: number; items?: number; online?: number } = {},
): RollupSnapshot {
  const red = figures.red ?? 0;
  const yellow = figures.yellow ?? 0;
  const open = figures.open ?? red + yellow;
  return {
    centreCode: centre.code,
    centreName: centre.name,
    level: centre.level,
    parentCode: centre.parentCode,
    generatedAt: generatedAt.toISOString(),
    periodFrom: '2026-11-01',
    periodTo: '2026-11-27',
    intervalMs: 300_000,
    lastSweptAt: null,
    openWork: { open, normal: open - red - yellow, yellow, red, overdueAlerts: red, dueSoonAlerts: yellow },
    statistics: statisticsWithRates({
      received: figures.received ?? 0,
      accepted: figures.received ?? 0,
      completed: figures.completed ?? 0,
      completedOnTime: figures.onTime ?? 0,
      overdueCompleted: (figures.completed ?? 0) - (figures.onTime ?? 0),
      handlingWorkingDays: 2 * (figures.completed ?? 0),
      immediateReceived: 0,
      ratings: figures.ratings ?? 0,
      caseRatings: figures.ratings ?? 0,
      satisfiedRatings: figures.satisfied ?? 0,
      badReviews: (figures.ratings ?? 0) - (figures.satisfied ?? 0),
      badReviewsRectified: 0,
      badReviewsInvalid: 0,
    }),
    catalogue: catalogueWithShares({
      items: figures.items ?? 0,
      onlineApplicableItems: figures.online ?? 0,
      fullyOnlineItems: 0,
      immediateItems: 0,
      limitComparableItems: figures.items ?? 0,
      limitCompressionSum: (figures.items ?? 0) * 0.5,
    }),
  };
}

const stored = (s: RollupSnapshot): StoredRollupSnapshot => ({ snapshot: s, receivedAt: s.generatedAt });
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const find = (node: RollupNode, code: string): RollupNode | undefined => (node.code === code ? node : node.children.map((child) => find(child, code)).find(Boolean));

describe('snapshot period', () => {
  it('is the month to date on the China calendar', () => {
    expect(snapshotPeriod(new Date('2026-11-27T04:00:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-27' });
    // 2026-11-30T16:30Z is already 1 December in China.
    expect(snapshotPeriod(new Date('2026-11-30T16:30:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});

describe('missing snapshots', () => {
  it('flags a centre with no snapshot, or one older than interval × grace', () => {
    expect(isSnapshotMissing(undefined, NOW, TIMING)).toBe(true);
    expect(isSnapshotMissing(stored(snapshot(SHEHONG, minutesAgo(15))), NOW, TIMING)).toBe(false);
    expect(isSnapshotMissing(stored(snapshot(SHEHONG, minutesAgo(15.01))), NOW, TIMING)).toBe(true);
    expect(isSnapshotMissing(stored(snapshot(SHEHONG, minutesAgo(1))), NOW, { intervalMs: 60_000, graceFactor: 2 })).toBe(false);
  });

  it('gives a sender that declares a longer interval that longer interval', () => {
    const slow = { ...snapshot(SHEHONG, minutesAgo(40)), intervalMs: 15 * 60_000 };
    expect(isSnapshotMissing(stored(slow), NOW, TIMING)).toBe(false);
    expect(isSnapshotMissing(stored(slow), new Date(NOW.getTime() + 6 * 60_000), TIMING)).toBe(true);
  });

  it('keeps the later of two snapshots, whatever order they arrive in', () => {
    expect(isNewerSnapshot(snapshot(SHEHONG, minutesAgo(1)), snapshot(SHEHONG, minutesAgo(6)))).toBe(true);
    expect(isNewerSnapshot(snapshot(SHEHONG, minutesAgo(6)), snapshot(SHEHONG, minutesAgo(1)))).toBe(false);
    expect(isNewerSnapshot(snapshot(SHEHONG, minutesAgo(6)), undefined)).toBe(true);
  });
});

describe('the roll-up tree', () => {
  const snapshots = new Map<string, StoredRollupSnapshot>([
    ['510900', stored(snapshot(SUINING, minutesAgo(2), { open: 10, red: 1, yellow: 2, received: 20, completed: 10, onTime: 9, ratings: 8, satisfied: 8, items: 40, online: 30 }))],
    ['510981', stored(snapshot(SHEHONG, minutesAgo(3), { open: 5, red: 2, yellow: 1, received: 8, completed: 4, onTime: 2, ratings: 2, satisfied: 0, items: 10, online: 0 }))],
    ['510903', stored(snapshot(CHUANSHAN, minutesAgo(60), { open: 1 }))],
  ]);

  it('shows the province its cities and, beneath them, their counties, with each one\'s figures and missing flag', () => {
    const view = buildRollupTree({ root: PROVINCE, own: snapshot(PROVINCE, NOW, { open: 3 }), centres: CENTRES, ancestorsOf, snapshots, now: NOW, timing: TIMING });
    expect(view.root.code).toBe('510000');
    expect(view.root.missing).toBe(false);
    expect(view.root.children.map((child) => child.code)).toEqual(['510100', '510900']);
    expect(find(view.root, '510900')?.children.map((child) => child.code)).toEqual(['510903', '510981']);

    const shehong = find(view.root, '510981');
    expect(shehong).toMatchObject({ missing: false, snapshotAt: minutesAgo(3).toISOString(), ageMs: 180_000, openWork: { open: 5, red: 2, yellow: 1 } });
    expect(shehong?.statistics?.onTimeRate).toBe(0.5);
    // Chengdu never reported; Chuanshan's last snapshot is an hour old.
    expect(find(view.root, '510100')).toMatchObject({ missing: true, snapshotAt: null, openWork: null, statistics: null });
    expect(find(view.root, '510903')).toMatchObject({ missing: true, openWork: { open: 1 } });
    expect(view.missing).toEqual(['510100', '510903']);
  });

  it('sums the subtree, with rates recomputed from the sums', () => {
    const view = buildRollupTree({ root: PROVINCE, own: snapshot(PROVINCE, NOW, { open: 3 }), centres: CENTRES, ancestorsOf, snapshots, now: NOW, timing: TIMING });
    const suining = find(view.root, '510900');
    expect(suining?.subtree).toMatchObject({ centres: 3, missing: 1, openWork: { open: 16, red: 3, yellow: 3 } });
    expect(suining?.subtree.statistics).toMatchObject({ received: 28, completed: 14, completedOnTime: 11, onTimeRate: 0.7857 });
    expect(suining?.subtree.statistics).toMatchObject({ ratings: 10, satisfiedRatings: 8, badReviews: 2, satisfactionRate: 0.8, ratingRate: 0.7143 });
    expect(suining?.subtree.catalogue).toMatchObject({ items: 50, onlineApplicableItems: 30, onlineApplicableShare: 0.6, limitCompression: 0.5 });
    expect(suining?.catalogue?.onlineApplicableShare).toBe(0.75);
    expect(view.root.subtree).toMatchObject({ centres: 5, missing: 2, openWork: { open: 19 } });
    expect(find(view.root, '510100')?.subtree.openWork).toEqual(ZERO_OPEN_WORK);
  });

  it('shows a city only its own counties, and ignores snapshots of centres not beneath it', () => {
    const view = buildRollupTree({ root: SUINING, own: snapshot(SUINING, NOW), centres: CENTRES, ancestorsOf, snapshots, now: NOW, timing: TIMING });
    expect(view.root.code).toBe('510900');
    expect(view.root.children.map((child) => child.code)).toEqual(['510903', '510981']);
    expect(view.root.subtree.centres).toBe(3);
    expect(find(view.root, '510000')).toBeUndefined();
  });

  it('hangs a centre whose parent is not in the directory under its nearest listed ancestor', () => {
    const withoutSuining = CENTRES.filter((centre) => centre.code !== '510900');
    const view = buildRollupTree({ root: PROVINCE, own: snapshot(PROVINCE, NOW), centres: withoutSuining, ancestorsOf, snapshots, now: NOW, timing: TIMING });
    expect(view.root.children.map((child) => child.code)).toEqual(['510100', '510903', '510981']);
  });

  it('gives a county an empty tree of its own', () => {
    const view = buildRollupTree({ root: SHEHONG, own: snapshot(SHEHONG, NOW, { open: 2 }), centres: CENTRES, ancestorsOf, snapshots, now: NOW, timing: TIMING });
    expect(view.root.children).toEqual([]);
    expect(view.missing).toEqual([]);
    expect(view.root.subtree.openWork.open).toBe(2);
  });
});
