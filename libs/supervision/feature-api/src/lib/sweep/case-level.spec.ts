import { connectAsRuntimeRole, type TestApp } from '@zhengwu/server/testing';
import type { ApplicationView } from '@zhengwu/shared/contracts';
import { chinaNoon, createSupervisionTestApp, SETUP_TIMEOUT, STORY_TIMEOUT, SupervisionKit } from '../testing/supervision-test-kit';
import { SupervisionSweeper } from './supervision-sweeper.service';

const SUINING = '510900';
const FOOD = '食品经营许可（新办）';

/**
 * The case's supervision level on the staff's views (inbox, case page) follows the sweep: yellow
 * as its step nears the limit, red once overdue, normal again when the work is back within its
 * limit; without touching the case's version, and without waiting for a clerk who holds the row.
 */
describe('supervision level of a case', () => {
  let t: TestApp;
  let kit: SupervisionKit;

  beforeAll(async () => {
    t = await createSupervisionTestApp();
    kit = new SupervisionKit(t);
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  const sweep = (day: string) => t.app.get(SupervisionSweeper).sweep(chinaNoon(day), { tenants: [SUINING] });
  const levelsBehind = async () => {
    const db = await connectAsRuntimeRole();
    try {
      return await db.asTenant(SUINING, async (c) => (await c.query('SELECT levels_behind FROM supervision_sweep_leases WHERE tenant_id = $1', [SUINING])).rows[0]?.levels_behind);
    } finally {
      await db.client.end();
    }
  };
  const view = async (id: string) => kit.ok(await t.http.get<ApplicationView>(`/api/v1/centres/${SUINING}/applications/${id}`, { token: await kit.staff(SUINING, 'reviewer') }));

  it(
    'turns yellow, then red, then normal with the alerts, and leaves the version alone',
    async () => {
      const accepted = await kit.accepted(SUINING, FOOD);
      expect(accepted.supervisionLevel).toBe('normal');

      // Tuesday 2026-10-13: the step is due the next working day, the case weeks later.
      await kit.setDates(SUINING, accepted.id, { stepDue: '2026-10-14', promisedDue: '2026-10-30' });
      expect((await sweep('2026-10-13')).levelsChanged).toBeGreaterThanOrEqual(1);
      expect(await view(accepted.id)).toMatchObject({ supervisionLevel: 'yellow', version: accepted.version });

      await kit.setDates(SUINING, accepted.id, { stepDue: '2026-10-09' });
      await sweep('2026-10-13');
      expect(await view(accepted.id)).toMatchObject({ supervisionLevel: 'red', version: accepted.version });

      // The step's limit is moved well ahead (an extension, say): the alerts resolve and so does the level.
      await kit.setDates(SUINING, accepted.id, { stepDue: '2026-10-28' });
      await sweep('2026-10-13');
      expect(await view(accepted.id)).toMatchObject({ supervisionLevel: 'normal', version: accepted.version });

      // A clerk acting on the case meanwhile is not refused for a stale version.
      const reviewer = await kit.staff(SUINING, 'reviewer');
      const passed = await kit.act(accepted, 'steps/pass', reviewer, { version: accepted.version });
      expect(passed.version).toBe(accepted.version + 1);
    },
    STORY_TIMEOUT,
  );

  it(
    'skips a case a clerk holds locked instead of waiting, and catches it up at the next sweep of any replica',
    async () => {
      const accepted = await kit.accepted(SUINING, FOOD);
      await kit.setDates(SUINING, accepted.id, { stepDue: '2026-10-09', promisedDue: '2026-10-30' });

      const clerk = await connectAsRuntimeRole();
      try {
        await clerk.asTenant(SUINING, async (client) => {
          await client.query('SELECT 1 FROM applications WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [SUINING, accepted.id]);
          // The sweep finishes while the row is held (a wait would never end: this transaction outlives it).
          await sweep('2026-10-13');
        });
      } finally {
        await clerk.client.end();
      }
      expect((await view(accepted.id)).supervisionLevel).toBe('normal');
      // The lag is recorded on the centre's lease row, so whichever replica sweeps next catches up,
      // even when that sweep raises nothing.
      expect(await levelsBehind()).toBe(true);

      const next = await sweep('2026-10-13');
      expect((await view(accepted.id)).supervisionLevel).toBe('red');
      expect(next.levelsChanged).toBeGreaterThanOrEqual(1);
      expect(await levelsBehind()).toBe(false);
    },
    STORY_TIMEOUT,
  );
});
