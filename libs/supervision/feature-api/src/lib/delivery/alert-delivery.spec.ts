import { connectAsRuntimeRole, type TestApp } from '@zhengwu/server/testing';
import type { ApplicationView, DepartmentHeadsView, ErrorBody, MyAlertView, SupervisionPage } from '@zhengwu/shared/contracts';
import { SupervisionSweeper } from '../sweep/supervision-sweeper.service';
import { chinaNoon, createSupervisionTestApp, SETUP_TIMEOUT, STORY_TIMEOUT, SupervisionKit } from '../testing/supervision-test-kit';

const SUINING = '510900';
const SHEHONG = '510981';
const FOOD = '食品经营许可（新办）';

/**
 * Alerts reach the recipients their rule names: the handler who holds the step and the heads of
 * its department (assigned by the centre admin), each told why; nobody else, no other centre.
 */
describe('alert delivery', () => {
  let t: TestApp;
  let kit: SupervisionKit;

  beforeAll(async () => {
    t = await createSupervisionTestApp();
    kit = new SupervisionKit(t);
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  const myAlerts = async (token: string, query = '') =>
    kit.ok(await t.http.get<SupervisionPage<MyAlertView>>(`/api/v1/centres/${SUINING}/supervision/my-alerts${query}`, { token }));
  const headsOf = async (token: string) => kit.ok(await t.http.get<DepartmentHeadsView>(`/api/v1/centres/${SUINING}/supervision/department-heads`, { token }));

  /** Accepted, its reviewer step assigned to `staffId` and due on `stepDue` (the case itself due later). */
  const heldBy = async (staffId: string, stepDue: string): Promise<ApplicationView> => {
    const accepted = await kit.accepted(SUINING, FOOD);
    const supervisor = await kit.staff(SUINING, 'supervisor');
    await kit.act(accepted, 'steps/assign', supervisor, { version: accepted.version, staffId });
    await kit.setDates(SUINING, accepted.id, { stepDue, promisedDue: '2026-10-30' });
    return accepted;
  };

  it(
    "tells the step's handler and the department's heads of its alerts, red first, and nobody else",
    async () => {
      const x = await kit.newStaff(SUINING, ['reviewer'], '审核员戊');
      const other = await kit.newStaff(SUINING, ['reviewer'], '审核员己');
      const y = await kit.newStaff(SUINING, ['approver'], '科长庚');
      const late = await heldBy(x.id, '2026-10-09');
      const lateToo = await heldBy(x.id, '2026-10-12');
      const dueSoon = await heldBy(x.id, '2026-10-14');
      await t.app.get(SupervisionSweeper).sweep(chinaNoon('2026-10-13'), { tenants: [SUINING] });

      // X holds all three steps: two red (most overdue first), then the yellow warning.
      const xToken = await kit.staff(SUINING, x.username, 'Staff-Pass-2026');
      const mine = await myAlerts(xToken);
      expect(mine.total).toBe(3);
      expect(mine.items.map((a) => [a.applicationId, a.ruleId, a.level, a.due, a.reasons])).toEqual([
        [late.id, 'step-overdue', 'red', '2026-10-09', ['handler']],
        [lateToo.id, 'step-overdue', 'red', '2026-10-12', ['handler']],
        [dueSoon.id, 'step-due-soon', 'yellow', '2026-10-14', ['handler']],
      ]);
      // 3 working days late: the make-up Saturday 10-10, then 10-12 and 10-13.
      expect(mine.items[0]).toMatchObject({ caseNumber: late.caseNumber, holderId: x.id, stepName: expect.any(String), workingDays: 3, resolvedAt: null });
      // Paged like the supervisor's list: the total stays, the page moves.
      const second = await myAlerts(xToken, '?limit=1&offset=1');
      expect(second).toEqual({ total: 3, items: [mine.items[1]] });

      // A colleague who holds none of it, and Y before being made a head, are told nothing.
      expect(await myAlerts(await kit.staff(SUINING, other.username, 'Staff-Pass-2026'))).toEqual({ items: [], total: 0 });
      const yToken = await kit.staff(SUINING, y.username, 'Staff-Pass-2026');
      expect((await myAlerts(yToken, '?limit=200')).items.filter((a) => [late.id, lateToo.id, dueSoon.id].includes(a.applicationId ?? ''))).toEqual([]);

      // The admin makes Y (and X) heads of the step's department.
      const admin = await kit.staff(SUINING, 'admin');
      const department = (await headsOf(admin)).departments.find((d) => d.departmentName === mine.items[0].departmentName);
      expect(department).toBeTruthy();
      // The demo seed gave the demo catalogue's departments a head (the demo approver) at boot.
      expect(department?.heads.length).toBeGreaterThan(0);
      const saved = kit.ok(
        await t.http.put<DepartmentHeadsView>(`/api/v1/centres/${SUINING}/supervision/department-heads/${department?.departmentId}`, { staffIds: [y.id, x.id] }, { token: admin }),
      );
      expect(saved.departments.find((d) => d.departmentId === department?.departmentId)?.heads.map((h) => [h.staffId, h.staffName, h.active]).sort()).toEqual(
        [
          [x.id, '审核员戊', true],
          [y.id, '科长庚', true],
        ].sort(),
      );

      // Y now hears of the red alerts (their rule names department_head), not of the yellow one (handler only).
      const asHead = (await myAlerts(yToken, '?limit=200')).items.filter((a) => [late.id, lateToo.id, dueSoon.id].includes(a.applicationId ?? ''));
      expect(asHead.map((a) => [a.applicationId, a.level, a.reasons])).toEqual([
        [late.id, 'red', ['department_head']],
        [lateToo.id, 'red', ['department_head']],
      ]);
      // X is both handler and head: both reasons, each alert once.
      const both = await myAlerts(xToken, '?limit=200');
      expect(both.items.filter((a) => a.applicationId === late.id).map((a) => a.reasons)).toEqual([['handler', 'department_head']]);
      expect(both.items.filter((a) => a.applicationId === dueSoon.id).map((a) => a.reasons)).toEqual([['handler']]);

      // Replacing the heads with Y alone takes X off as head; Y keeps the time first assigned.
      const firstAssigned = saved.departments.find((d) => d.departmentId === department?.departmentId)?.heads.find((h) => h.staffId === y.id)?.assignedAt;
      const replaced = kit.ok(
        await t.http.put<DepartmentHeadsView>(`/api/v1/centres/${SUINING}/supervision/department-heads/${department?.departmentId}`, { staffIds: [y.id] }, { token: admin }),
      );
      expect(replaced.departments.find((d) => d.departmentId === department?.departmentId)?.heads).toEqual([
        { staffId: y.id, staffName: '科长庚', active: true, assignedAt: firstAssigned },
      ]);
      expect((await myAlerts(xToken, '?limit=200')).items.find((a) => a.applicationId === late.id)?.reasons).toEqual(['handler']);

      // Other centres' staff see nothing of Suining's; only the centre admin assigns heads.
      const shehong = await kit.staff(SHEHONG, 'reviewer');
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/my-alerts`, { token: shehong })).status).toBe(403);
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/department-heads`, { token: await kit.staff(SHEHONG, 'admin') })).status).toBe(403);
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/department-heads`, { token: await kit.staff(SUINING, 'supervisor') })).status).toBe(403);
      const byReviewer = await t.http.put(`/api/v1/centres/${SUINING}/supervision/department-heads/${department?.departmentId}`, { staffIds: [x.id] }, { token: xToken });
      expect(byReviewer.status).toBe(403);
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/my-alerts?limit=0`, { token: xToken })).status).toBe(400);
    },
    STORY_TIMEOUT,
  );

  it(
    'refuses invalid head assignments with a code and changes nothing',
    async () => {
      const admin = await kit.staff(SUINING, 'admin');
      const before = await headsOf(admin);
      const department = before.departments[0];
      expect(department).toBeTruthy();
      const put = (departmentId: string, body: unknown) =>
        t.http.put<ErrorBody>(`/api/v1/centres/${SUINING}/supervision/department-heads/${departmentId}`, body, { token: admin });
      const someone = await kit.newStaff(SUINING, ['approver'], '科长辛');
      const shehongStaff = await kit.newStaff(SHEHONG, ['approver'], '射洪科长');

      for (const body of [{}, { staffIds: 'all' }, { staffIds: ['not-a-uuid'] }, { staffIds: [someone.id, someone.id] }, { staffIds: [someone.id], tenantId: SHEHONG }]) {
        expect([body, (await put(department.departmentId, body)).status]).toEqual([body, 400]);
      }
      expect((await put('not-a-uuid', { staffIds: [] })).status).toBe(400);

      // Unknown people, and another centre's staff, are not this centre's staff.
      for (const staffId of ['00000000-0000-4000-8000-000000000000', shehongStaff.id]) {
        const refused = await put(department.departmentId, { staffIds: [someone.id, staffId] });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ code: 'HEAD_NOT_STAFF', message: { zh: expect.any(String), en: expect.any(String) }, details: { staffIds: [staffId] } });
      }
      const noDepartment = await put('00000000-0000-4000-8000-000000000000', { staffIds: [someone.id] });
      expect(noDepartment.status).toBe(404);
      expect(noDepartment.body).toMatchObject({ code: 'DEPARTMENT_NOT_FOUND', message: { zh: expect.any(String), en: expect.any(String) } });

      expect((await headsOf(admin)).departments.find((d) => d.departmentId === department.departmentId)).toEqual(department);
    },
    STORY_TIMEOUT,
  );

  it(
    'keeps each centre to its own department heads (row-level security)',
    async () => {
      const admin = await kit.staff(SUINING, 'admin');
      const department = (await headsOf(admin)).departments[0];
      const head = await kit.newStaff(SUINING, ['approver'], '科长壬');
      kit.ok(await t.http.put(`/api/v1/centres/${SUINING}/supervision/department-heads/${department.departmentId}`, { staffIds: [head.id] }, { token: admin }));

      const db = await connectAsRuntimeRole();
      try {
        const count = (tenant: string) =>
          db.asTenant(tenant, async (c) => (await c.query(`SELECT count(*)::int AS n FROM supervision_department_heads WHERE tenant_id = $1`, [SUINING])).rows[0].n as number);
        expect(await count(SUINING)).toBeGreaterThan(0);
        expect(await count(SHEHONG)).toBe(0);
        // Nor can one centre write another's rows.
        await expect(
          db.asTenant(SHEHONG, (c) =>
            c.query('INSERT INTO supervision_department_heads (tenant_id, department_id, staff_id) VALUES ($1, $2, $3)', [SUINING, department.departmentId, head.id]),
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await db.client.end();
      }
    },
    STORY_TIMEOUT,
  );
});
