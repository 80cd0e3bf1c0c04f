import { RoutedOutbox, RoutingRelay } from '@zhengwu/server/routing';
import { connectAsRuntimeRole, type TestApp } from '@zhengwu/server/testing';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RollupSnapshotRepository } from '@zhengwu/supervision/data-access';
import type { RollupNode, RollupView } from '@zhengwu/supervision/domain';
import { SupervisionSweeper } from '../sweep/supervision-sweeper.service';
import { createSupervisionTestApp, SETUP_TIMEOUT, STORY_TIMEOUT, SupervisionKit } from '../testing/supervision-test-kit';
import { SupervisionRollupService } from './supervision-rollup.service';
import { SupervisionSnapshotSender } from './supervision-snapshot.sender';

const PROVINCE = '510000';
const SUINING = '510900';
const SHEHONG = '510981';
const FOOD = '食品经营许可（新办）';
const MINUTE = 60_000;

/** Every member name of a JSON value, at any depth. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keysOf(inner, `${prefix}${key}.`)]);
}

function find(node: RollupNode, code: string): RollupNode | undefined {
  return node.code === code ? node : node.children.map((child) => find(child, code)).find((found) => found !== undefined);
}

/**
 * The roll-up in one deployment (loopback transport): Shehong (county) and Suining (city) send
 * their snapshots upward through the routing outbox; Suining sees Shehong, the province sees
 * Suining and Shehong beneath it; a centre that stops reporting is flagged missing.
 */
describe('supervision roll-up across levels (one deployment, loopback)', () => {
  let t: TestApp;
  let kit: SupervisionKit;
  let sender: SupervisionSnapshotSender;
  let rollup: SupervisionRollupService;
  const relay = () => t.app.get(RoutingRelay).relayOnce();

  beforeAll(async () => {
    t = await createSupervisionTestApp();
    kit = new SupervisionKit(t);
    sender = t.app.get(SupervisionSnapshotSender);
    rollup = t.app.get(SupervisionRollupService);
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  it(
    'carries a county snapshot to its city and to the province, as a tree with no personal data in it',
    async () => {
      // An overdue case at Shehong: a red alert to count.
      const accepted = await kit.accepted(SHEHONG, FOOD);
      await kit.setDates(SHEHONG, accepted.id, { stepDue: '2026-01-05' });
      await t.app.get(SupervisionSweeper).sweep(new Date(), { tenants: [SHEHONG] });

      const generatedAt = new Date();
      const report = await sender.send(generatedAt, { tenants: [SHEHONG, SUINING, PROVINCE], force: true });
      expect(report.sent.map((sent) => [sent.centreCode, sent.to])).toEqual([
        [SHEHONG, [SUINING, PROVINCE]],
        [SUINING, [PROVINCE]],
      ]);
      // The province has nobody above it.
      expect(report.skipped).toBe(1);
      await relay();

      const shehongSnapshot = report.sent[0].snapshot;
      expect(shehongSnapshot.openWork.open).toBeGreaterThanOrEqual(1);
      expect(shehongSnapshot.openWork.red).toBeGreaterThanOrEqual(1);
      expect(shehongSnapshot.openWork.overdueAlerts).toBeGreaterThanOrEqual(1);
      expect(shehongSnapshot.statistics.received).toBeGreaterThanOrEqual(1);
      // Shehong's demo catalogue is published: the province sees its item shares too.
      expect(shehongSnapshot.catalogue.items).toBeGreaterThan(0);
      expect(shehongSnapshot.catalogue.onlineApplicableShare).not.toBeNull();

      // Aggregates only: exactly these members, and nothing of the case, the applicant or the staff.
      expect(new Set(keysOf(shehongSnapshot))).toEqual(
        new Set([
          'centreCode', 'centreName', 'level', 'parentCode', 'generatedAt', 'periodFrom', 'periodTo', 'intervalMs', 'lastSweptAt',
          'openWork', 'openWork.open', 'openWork.normal', 'openWork.yellow', 'openWork.red', 'openWork.overdueAlerts', 'openWork.dueSoonAlerts',
          'statistics', 'statistics.received', 'statistics.accepted', 'statistics.completed', 'statistics.completedOnTime', 'statistics.overdueCompleted',
          'statistics.handlingWorkingDays', 'statistics.immediateReceived', 'statistics.onTimeRate', 'statistics.averageHandlingWorkingDays', 'statistics.immediateShare',
          'statistics.ratings', 'statistics.caseRatings', 'statistics.satisfiedRatings', 'statistics.badReviews', 'statistics.badReviewsRectified', 'statistics.badReviewsInvalid',
          'statistics.ratingRate', 'statistics.satisfactionRate', 'statistics.rectificationRate',
          'catalogue', 'catalogue.items', 'catalogue.onlineApplicableItems', 'catalogue.fullyOnlineItems', 'catalogue.immediateItems', 'catalogue.limitComparableItems',
          'catalogue.limitCompressionSum', 'catalogue.onlineApplicableShare', 'catalogue.fullyOnlineShare', 'catalogue.immediateItemShare', 'catalogue.limitCompression',
        ]),
      );
      const signed = await sentEnvelopes(SHEHONG, generatedAt);
      expect(signed).toHaveLength(2);
      for (const text of signed) {
        expect(text).not.toContain(accepted.caseNumber);
        expect(text).not.toContain(accepted.id);
        expect(text).not.toContain('申请人乙');
        expect(text).not.toMatch(/\d{17}[\dX]/); // a resident identity number
        expect(text).not.toMatch(/1[3-9]\d{9}/); // a mobile number
      }

      // The city sees its county.
      const cityView = kit.ok(await t.http.get<RollupView>(`/api/v1/centres/${SUINING}/supervision/rollup`, { token: await kit.staff(SUINING, 'supervisor') }));
      expect(cityView.root.code).toBe(SUINING);
      expect(cityView.root.children.map((child) => child.code)).toEqual([SHEHONG]);
      expect(cityView.root.children[0]).toMatchObject({
        level: 'county',
        missing: false,
        snapshotAt: generatedAt.toISOString(),
        openWork: shehongSnapshot.openWork,
        statistics: shehongSnapshot.statistics,
        catalogue: shehongSnapshot.catalogue,
      });
      expect(cityView.root.subtree.openWork.red).toBe((cityView.root.openWork?.red ?? 0) + shehongSnapshot.openWork.red);

      // The province sees the city, and the county beneath it.
      const provinceView = kit.ok(await t.http.get<RollupView>(`/api/v1/centres/${PROVINCE}/supervision/rollup`, { token: await kit.staff(PROVINCE, 'supervisor') }));
      expect(provinceView.root.code).toBe(PROVINCE);
      expect(provinceView.root.children.map((child) => child.code)).toEqual([SUINING]);
      expect(provinceView.root.children[0].children.map((child) => child.code)).toEqual([SHEHONG]);
      expect(find(provinceView.root, SHEHONG)).toMatchObject({ missing: false, snapshotAt: generatedAt.toISOString(), openWork: shehongSnapshot.openWork });
      expect(find(provinceView.root, SUINING)).toMatchObject({ missing: false, snapshotAt: generatedAt.toISOString() });
      expect(provinceView.missing).toEqual([]);

      // A county has nothing beneath it; a centre reads only its own roll-up.
      const countyView = kit.ok(await t.http.get<RollupView>(`/api/v1/centres/${SHEHONG}/supervision/rollup`, { token: await kit.staff(SHEHONG, 'supervisor') }));
      expect(countyView.root.children).toEqual([]);
      expect((await t.http.get(`/api/v1/centres/${PROVINCE}/supervision/rollup`, { token: await kit.staff(SUINING, 'supervisor') })).status).toBe(403);
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/rollup`, { token: await kit.staff(SUINING, 'clerk') })).status).toBe(403);
    },
    STORY_TIMEOUT,
  );

  it(
    'flags a centre missing once its latest snapshot is older than interval × grace, and keeps the latest of out-of-order snapshots',
    async () => {
      const t0 = new Date();
      await sender.send(t0, { tenants: [SHEHONG, SUINING], force: true });
      await relay();
      // Defaults: every 5 minutes, missing after 3 intervals.
      const limit = 15 * MINUTE;

      const atLimit = await rollup.rollup(PROVINCE, new Date(t0.getTime() + limit));
      expect(find(atLimit.root, SHEHONG)?.missing).toBe(false);
      expect(atLimit.missing).toEqual([]);

      const late = await rollup.rollup(PROVINCE, new Date(t0.getTime() + limit + 1));
      expect(find(late.root, SHEHONG)).toMatchObject({ missing: true, snapshotAt: t0.toISOString(), ageMs: limit + 1 });
      expect(late.missing).toEqual([SUINING, SHEHONG].sort());
      expect(late.root.subtree.missing).toBe(2);
      // The last figures stay visible beside the flag.
      expect(find(late.root, SHEHONG)?.openWork).not.toBeNull();

      // The city, still reporting, clears its own flag; Shehong stays missing.
      const t1 = new Date(t0.getTime() + limit);
      await sender.send(t1, { tenants: [SUINING] });
      await relay();
      const partly = await rollup.rollup(PROVINCE, new Date(t0.getTime() + limit + 1));
      expect(partly.missing).toEqual([SHEHONG]);
      expect(find(partly.root, SUINING)).toMatchObject({ missing: false, snapshotAt: t1.toISOString() });

      // Not due yet: a second send within the interval sends nothing, and another replica (no
      // memory of its own) finds the centre's send state says the same.
      expect((await sender.send(new Date(t1.getTime() + MINUTE), { tenants: [SUINING] })).sent).toEqual([]);
      const snapshots = t.app.get(RollupSnapshotRepository);
      const uow = t.app.get(UnitOfWork);
      expect(await uow.run({ tenantId: SUINING }, () => snapshots.claimSend(SUINING, new Date(t1.getTime() + MINUTE), 4 * MINUTE))).toBe(false);
      expect(await uow.run({ tenantId: SUINING }, () => snapshots.claimSend(SUINING, new Date(t1.getTime() + 5 * MINUTE), 4 * MINUTE))).toBe(true);

      // A snapshot taken earlier that arrives later never replaces the newer one.
      await sender.send(new Date(t0.getTime() - 60 * MINUTE), { tenants: [SHEHONG], force: true });
      await relay();
      expect(find((await rollup.rollup(SUINING, t0)).root, SHEHONG)?.snapshotAt).toBe(t0.toISOString());
    },
    STORY_TIMEOUT,
  );

  it('refuses to send a snapshot downward or sideways (route policy)', async () => {
    const outbox = t.app.get(RoutedOutbox);
    const snapshot = await rollup.snapshotOf(SUINING, new Date());
    await expect(
      t.app.get(UnitOfWork).run({ tenantId: SUINING }, () => outbox.send(SUINING, { type: 'supervision.snapshot.v1', to: SHEHONG, payload: snapshot })),
    ).rejects.toThrow(/route policy/);
  });
});

/** What the centre signed and put in its outbox for the roll-up since `since`, as stored (the runtime role, under RLS). */
async function sentEnvelopes(tenantId: string, since: Date): Promise<string[]> {
  const db = await connectAsRuntimeRole();
  try {
    return await db.asTenant(tenantId, async (c) => {
      const { rows } = await c.query(
        `SELECT envelope AS text FROM routing_outbox WHERE tenant_id = $1 AND type = 'supervision.snapshot.v1' AND envelope::jsonb->'payload'->>'generatedAt' = $2`,
        [tenantId, since.toISOString()],
      );
      return rows.map((row: { text: string }) => row.text);
    });
  } finally {
    await db.client.end();
  }
}
