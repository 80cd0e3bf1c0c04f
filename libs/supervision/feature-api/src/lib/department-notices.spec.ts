import type { TestApp } from '@zhengwu/server/testing';
import type { SupervisionNoticeView, SupervisionPage } from '@zhengwu/shared/contracts';
import { SupervisionSweeper } from './sweep/supervision-sweeper.service';
import { chinaNoon, createSupervisionTestApp, SETUP_TIMEOUT, STORY_TIMEOUT, SupervisionKit } from './testing/supervision-test-kit';

const SUINING = '510900';
const FOOD = '食品经营许可（新办）';

/** The departments' list of 督办 notices to answer: staff who handle steps read it, supervisors and other centres do not. */
describe('department notices', () => {
  let t: TestApp;
  let kit: SupervisionKit;

  beforeAll(async () => {
    t = await createSupervisionTestApp();
    kit = new SupervisionKit(t);
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  it(
    'lists the notice a red alert opened to the staff who answer it, who then answer it',
    async () => {
      const accepted = await kit.accepted(SUINING, FOOD);
      await kit.setDates(SUINING, accepted.id, { stepDue: '2026-10-09', promisedDue: '2026-10-30' });
      await t.app.get(SupervisionSweeper).sweep(chinaNoon('2026-10-13'), { tenants: [SUINING] });

      const reviewer = await kit.staff(SUINING, 'reviewer');
      const open = kit.ok(await t.http.get<SupervisionPage<SupervisionNoticeView>>(`/api/v1/centres/${SUINING}/supervision/department-notices?status=open&limit=200`, { token: reviewer }));
      const notice = open.items.find((n) => n.applicationId === accepted.id);
      expect(notice).toMatchObject({ status: 'open', caseNumber: accepted.caseNumber });

      kit.ok(await t.http.post(`/api/v1/centres/${SUINING}/supervision/notices/${notice?.id}/response`, { response: '已安排当日办结。' }, { token: reviewer }));
      const responded = kit.ok(
        await t.http.get<SupervisionPage<SupervisionNoticeView>>(`/api/v1/centres/${SUINING}/supervision/department-notices?status=responded&limit=200`, { token: reviewer }),
      );
      expect(responded.items.find((n) => n.id === notice?.id)).toMatchObject({ status: 'responded', response: '已安排当日办结。' });

      // Supervisors use the supervision list; other centres' staff see nothing of Suining's.
      const supervisor = await kit.staff(SUINING, 'supervisor');
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/department-notices`, { token: supervisor })).status).toBe(403);
      const shehong = await kit.staff('510981', 'reviewer');
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/department-notices`, { token: shehong })).status).toBe(403);
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/department-notices?status=bogus`, { token: reviewer })).status).toBe(400);
    },
    STORY_TIMEOUT,
  );
});
