import type { TestApp } from '@zhengwu/server/testing';
import type { DepartmentHeadsView, ErrorBody, SupervisionNoticeView, SupervisionPage } from '@zhengwu/shared/contracts';
import { SupervisionSweeper } from './sweep/supervision-sweeper.service';
import { chinaNoon, createSupervisionTestApp, SETUP_TIMEOUT, STORY_TIMEOUT, SupervisionKit } from './testing/supervision-test-kit';

const SUINING = '510900';
const FOOD = '食品经营许可（新办）';
const STAFF_PASSWORD = 'Staff-Pass-2026';

/**
 * The departments' list of 督办 notices to answer: a notice is the addressed department's to
 * answer, through its heads; a department without a head is answered by any step handler.
 * Supervisors and other centres do not read this list.
 */
describe('department notices', () => {
  let t: TestApp;
  let kit: SupervisionKit;

  beforeAll(async () => {
    t = await createSupervisionTestApp();
    kit = new SupervisionKit(t);
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  const noticesFor = async (token: string, status: string) =>
    kit.ok(await t.http.get<SupervisionPage<SupervisionNoticeView>>(`/api/v1/centres/${SUINING}/supervision/department-notices?status=${status}&limit=200`, { token }));
  const answer = (id: string, response: string, token: string) =>
    t.http.post<SupervisionNoticeView & ErrorBody>(`/api/v1/centres/${SUINING}/supervision/notices/${id}/response`, { response }, { token });

  it(
    "gives the notice a red alert opened to the department's head, who answers it; other staff neither see nor answer it",
    async () => {
      const accepted = await kit.accepted(SUINING, FOOD);
      await kit.setDates(SUINING, accepted.id, { stepDue: '2026-10-09', promisedDue: '2026-10-30' });
      await t.app.get(SupervisionSweeper).sweep(chinaNoon('2026-10-13'), { tenants: [SUINING] });

      const supervisor = await kit.staff(SUINING, 'supervisor');
      const all = kit.ok(await t.http.get<SupervisionPage<SupervisionNoticeView>>(`/api/v1/centres/${SUINING}/supervision/notices?status=open&limit=200`, { token: supervisor }));
      const notice = all.items.find((n) => n.applicationId === accepted.id);
      expect(notice).toMatchObject({ status: 'open', caseNumber: accepted.caseNumber, departmentId: expect.any(String) });
      if (!notice?.departmentId) throw new Error('The notice names no department');

      // The admin names the department's head (this file's own, whatever other files assigned).
      const admin = await kit.staff(SUINING, 'admin');
      const headsBefore = kit.ok(await t.http.get<DepartmentHeadsView>(`/api/v1/centres/${SUINING}/supervision/department-heads`, { token: admin }));
      const formerHeads = headsBefore.departments.find((d) => d.departmentId === notice.departmentId)?.heads.map((h) => h.staffId) ?? [];
      const putHeads = async (staffIds: string[]) =>
        kit.ok(await t.http.put(`/api/v1/centres/${SUINING}/supervision/department-heads/${notice.departmentId}`, { staffIds }, { token: admin }));
      const head = await kit.newStaff(SUINING, ['approver'], '科长癸');
      await putHeads([head.id]);
      try {
        const headToken = await kit.staff(SUINING, head.username, STAFF_PASSWORD);
        const reviewer = await kit.staff(SUINING, 'reviewer');

        expect((await noticesFor(headToken, 'open')).items.map((n) => n.id)).toContain(notice.id);
        expect((await noticesFor(reviewer, 'open')).items.map((n) => n.id)).not.toContain(notice.id);

        // A step handler outside the department's heads is refused, with a code, and nothing changes.
        const refused = await answer(notice.id, '由我代为答复。', reviewer);
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ code: 'NOTICE_NOT_FOR_YOUR_DEPARTMENT', message: { zh: expect.any(String), en: expect.any(String) } });
        expect((await noticesFor(headToken, 'open')).items.find((n) => n.id === notice.id)).toMatchObject({ status: 'open', response: null });

        const answered = kit.ok(await answer(notice.id, '已安排当日办结。', headToken));
        expect(answered).toMatchObject({ status: 'responded', response: '已安排当日办结。', respondedByName: '科长癸' });
        expect((await noticesFor(headToken, 'responded')).items.find((n) => n.id === notice.id)).toMatchObject({ status: 'responded', response: '已安排当日办结。' });

        // Without a head the department is answered by whoever handles steps: the reviewer sees it and answers again.
        await putHeads([]);
        expect((await noticesFor(reviewer, 'responded')).items.map((n) => n.id)).toContain(notice.id);
        expect(kit.ok(await answer(notice.id, '补充说明：已办结。', reviewer))).toMatchObject({ status: 'responded', response: '补充说明：已办结。' });
      } finally {
        await putHeads(formerHeads);
      }

      // Supervisors use the supervision list; other centres' staff see nothing of Suining's.
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/department-notices`, { token: supervisor })).status).toBe(403);
      const shehong = await kit.staff('510981', 'reviewer');
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/department-notices`, { token: shehong })).status).toBe(403);
      expect((await answer(notice.id, '越权答复。', shehong)).status).toBe(403);
      const reviewer = await kit.staff(SUINING, 'reviewer');
      expect((await t.http.get(`/api/v1/centres/${SUINING}/supervision/department-notices?status=bogus`, { token: reviewer })).status).toBe(400);
    },
    STORY_TIMEOUT,
  );
});
