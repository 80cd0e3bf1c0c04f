import { nationalCalendar } from '@zhengwu/calendar/domain';
import { connectAsRuntimeRole, type TestApp } from '@zhengwu/server/testing';
import type { StatDimension, StatisticsView } from '@zhengwu/supervision/domain';
import { SupervisionSweeper } from './sweep/supervision-sweeper.service';
import { createSupervisionTestApp, STORY_TIMEOUT, SupervisionKit } from './testing/supervision-test-kit';

const SUINING = '510900';
const FOOD = '食品经营许可（新办）';
const IMMEDIATE = '个体工商户名称变更登记';
const calendar = nationalCalendar();

type Totals = Record<string, { received: number; accepted: number; completed: number; completedOnTime: number; overdueCompleted: number; handlingWorkingDays: number; immediateReceived: number; staffActions: number }>;

/**
 * The brute-force recount: every event of the centre read back as the runtime role and counted
 * from scratch, to compare with the incrementally kept counters.
 */
async function recount(dimension: StatDimension): Promise<Totals> {
  const db = await connectAsRuntimeRole();
  try {
    return await db.asTenant(SUINING, async (c) => {
      const { rows } = await c.query(
        `SELECT e.action, e.actor_kind, e.actor_id, e.from_status, e.to_status, e.occurred_at,
                (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day,
                a.case_type, a.department_name, a.item_id, a.promised_due::text AS promised_due, a.accepted_at
           FROM application_events e JOIN applications a ON a.tenant_id = e.tenant_id AND a.id = e.application_id`,
      );
      const totals: Totals = {};
      const bump = (key: string, field: keyof Totals[string], by = 1) => {
        totals[key] ??= { received: 0, accepted: 0, completed: 0, completedOnTime: 0, overdueCompleted: 0, handlingWorkingDays: 0, immediateReceived: 0, staffActions: 0 };
        totals[key][field] += by;
      };
      for (const e of rows) {
        const staffAction = e.actor_kind === 'staff' && ['accept', 'return_with_notice', 'not_accept', 'pass_step', 'return_step', 'approve', 'deny', 'complete'].includes(e.action);
        if (dimension === 'staff') {
          if (staffAction) bump(e.actor_id, 'staffActions');
          continue;
        }
        const key = dimension === 'centre' ? '' : dimension === 'department' ? e.department_name : e.item_id;
        if (e.action === 'submit') {
          bump(key, 'received');
          if (e.case_type === 'immediate') bump(key, 'immediateReceived');
        }
        if (e.from_status < 30 && [30, 37, 90].includes(e.to_status)) bump(key, 'accepted');
        if (e.to_status === 90 && e.from_status !== 90) {
          bump(key, 'completed');
          if (e.promised_due === null || e.day <= e.promised_due) bump(key, 'completedOnTime');
          else bump(key, 'overdueCompleted');
          if (e.accepted_at) bump(key, 'handlingWorkingDays', Math.max(0, calendar.workingDaysBetween(e.accepted_at, e.occurred_at).days));
        }
      }
      return totals;
    });
  } finally {
    await db.client.end();
  }
}

describe('supervision statistics', () => {
  let t: TestApp;
  let kit: SupervisionKit;

  beforeAll(async () => {
    t = await createSupervisionTestApp();
    kit = new SupervisionKit(t);
  }, STORY_TIMEOUT);
  afterAll(() => t.close());

  it(
    'keeps per-day counters that equal a brute-force recount, by centre, department, item and staff',
    async () => {
      const sweeper = t.app.get(SupervisionSweeper);
      const supervisor = await kit.staff(SUINING, 'supervisor');
      const reviewer = await kit.staff(SUINING, 'reviewer');

      // A first batch of work, folded; then more work, folded incrementally on top.
      await kit.accepted(SUINING, IMMEDIATE);
      const food = await kit.accepted(SUINING, FOOD);
      await sweeper.sweep(new Date(), { tenants: [SUINING] });
      await kit.act(food, 'steps/claim', reviewer, { version: food.version }).then((claimed) => kit.act(claimed, 'steps/pass', reviewer, { version: claimed.version }));
      await kit.accepted(SUINING, IMMEDIATE);
      await kit.submitted(SUINING, FOOD);
      const report = await sweeper.sweep(new Date(), { tenants: [SUINING] });
      expect(report.folded).toBeGreaterThan(0);
      // Nothing new: nothing is folded twice.
      expect((await sweeper.sweep(new Date(), { tenants: [SUINING] })).folded).toBe(0);

      for (const dimension of ['centre', 'department', 'item', 'staff'] as const) {
        const view = kit.ok(
          await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2020-01-01&to=2030-12-31&dimension=${dimension}`, { token: supervisor }),
        );
        // A key whose counters are all zero (an event that counts for nothing, e.g. a claim) says
        // the same as no row; the recount lists only keys something was counted for.
        const counting = view.rows.filter((row) =>
          [row.received, row.accepted, row.completed, row.completedOnTime, row.overdueCompleted, row.handlingWorkingDays, row.immediateReceived, row.staffActions].some((n) => n !== 0),
        );
        const counted = Object.fromEntries(
          counting.map((row) => [
            row.key,
            {
              received: row.received,
              accepted: row.accepted,
              completed: row.completed,
              completedOnTime: row.completedOnTime,
              overdueCompleted: row.overdueCompleted,
              handlingWorkingDays: row.handlingWorkingDays,
              immediateReceived: row.immediateReceived,
              staffActions: row.staffActions,
            },
          ]),
        );
        expect([dimension, counted]).toEqual([dimension, await recount(dimension)]);
      }

      const centre = kit.ok(await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2020-01-01&to=2030-12-31`, { token: supervisor })).rows[0];
      expect(centre.received).toBeGreaterThanOrEqual(4);
      expect(centre.immediateReceived).toBeGreaterThanOrEqual(2);
      expect(centre.completed).toBeGreaterThanOrEqual(2);
      expect(centre.onTimeRate).toBeCloseTo(centre.completedOnTime / centre.completed, 4);

      // A period before any work has no rows.
      const empty = kit.ok(await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2020-01-01&to=2020-12-31`, { token: supervisor }));
      expect(empty.rows).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
