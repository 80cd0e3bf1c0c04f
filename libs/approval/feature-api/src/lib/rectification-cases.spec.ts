import { chinaCivilDate, type CivilDate, nationalCalendar } from '@zhengwu/calendar/domain';
import type { TestApp } from '@zhengwu/server/testing';
import type { ApplicationView, ErrorBody, RatingView, RectificationCaseView } from '@zhengwu/shared/contracts';
import { ApprovalKit, createApprovalTestApp, STORY_TIMEOUT } from './testing/approval-test-kit';

const SUINING = '510900';
const ROAD = '道路货物运输经营许可';

/**
 * 差评整改 over HTTP: a very dissatisfied rating opens a rectification case; the supervisor takes it
 * through appeal and its review, rectification with its one extension, done or cannot fix, and the
 * follow-up call; actions out of turn are refused with the reason, and other centres see nothing.
 */
describe('rectification cases', () => {
  let t: TestApp;
  let kit: ApprovalKit;
  const calendar = nationalCalendar();

  beforeAll(async () => {
    t = await createApprovalTestApp();
    kit = new ApprovalKit(t);
  }, STORY_TIMEOUT);
  afterAll(() => t.close());

  /** A completed Suining case its applicant rated very dissatisfied: its rectification case. */
  async function badlyRated(): Promise<RectificationCaseView> {
    const { application, applicant } = await kit.submitted(SUINING, ROAD);
    const clerk = await kit.staff(SUINING, 'clerk');
    const reviewer = await kit.staff(SUINING, 'reviewer');
    const approver = await kit.staff(SUINING, 'approver');
    let current: ApplicationView = kit.expectOk(await kit.act(application, 'pre-review/accept', clerk, { version: application.version }));
    current = kit.expectOk(await kit.act(current, 'steps/pass', reviewer, { version: current.version }));
    current = kit.expectOk(await kit.act(current, 'decision/approve', approver, { version: current.version }));
    kit.expectOk(await kit.act(current, 'complete', approver, { version: current.version, deliveryMode: 'post' }));
    const rating = kit.expectOk(
      await t.http.post<RatingView>(`/api/v1/centres/${SUINING}/applications/${application.id}/ratings`, { level: 'very_dissatisfied', comment: '窗口态度差。' }, { token: applicant.token }),
      201,
    );
    expect(rating.rectificationOpened).toBe(true);
    const supervisor = await kit.staff(SUINING, 'supervisor');
    const open = kit.expectOk(await t.http.get<RectificationCaseView[]>(`/api/v1/centres/${SUINING}/rectification-cases?status=open`, { token: supervisor }));
    const mine = open.find((r) => r.applicationId === application.id);
    if (!mine) throw new Error('No rectification case for the bad rating');
    return mine;
  }

  const act = async (rectification: Pick<RectificationCaseView, 'id'>, body: Record<string, unknown>, status = 200) => {
    const supervisor = await kit.staff(SUINING, 'supervisor');
    const response = await t.http.post<RectificationCaseView & ErrorBody>(`/api/v1/centres/${SUINING}/rectification-cases/${rectification.id}/actions`, body, { token: supervisor });
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    return response.body;
  };

  it(
    'goes through an appeal that is rejected, rectification with one extension, done, and the follow-up call',
    async () => {
      const opened = await badlyRated();
      expect(opened).toMatchObject({ status: 'open', firstDue: null, followUp: null, actions: ['confirm_valid', 'appeal'] });

      expect((await act(opened, { action: 'appeal' }, 400)).code).toBe('RECTIFICATION_NOTE_REQUIRED');
      expect((await act(opened, { action: 'start' }, 409)).code).toBe('RECTIFICATION_ACTION_NOT_ALLOWED');
      expect(await act(opened, { action: 'appeal', note: '申请人未到窗口办理，评价对象有误。' })).toMatchObject({ status: 'appealed', actions: ['uphold_appeal', 'reject_appeal'] });
      expect(await act(opened, { action: 'reject_appeal', note: '经核实，评价对象无误。' })).toMatchObject({ status: 'valid', handledByName: expect.any(String) });
      expect(await act(opened, { action: 'start' })).toMatchObject({ status: 'rectifying', actions: ['extend', 'complete', 'cannot_fix'] });

      const extended = await act(opened, { action: 'extend', workingDays: 5, note: '需等待培训安排。' });
      expect(extended).toMatchObject({ status: 'rectifying', firstDue: opened.due, due: calendar.addWorkingDays(opened.due as CivilDate, 5).date, actions: ['complete', 'cannot_fix'] });
      expect((await act(opened, { action: 'extend', workingDays: 5, note: '再次延期。' }, 409)).code).toBe('RECTIFICATION_ALREADY_EXTENDED');

      expect(await act(opened, { action: 'complete', note: '已对窗口人员进行服务规范培训。' })).toMatchObject({ status: 'done', note: '已对窗口人员进行服务规范培训。', actions: ['follow_up'] });
      const followed = await act(opened, { action: 'follow_up', note: '电话回访，申请人表示满意。' });
      expect(followed.followUp).toMatchObject({ note: '电话回访，申请人表示满意。', at: expect.any(String) });
      expect(followed.actions).toEqual([]);
      expect((await act(opened, { action: 'follow_up', note: '重复回访。' }, 409)).code).toBe('RECTIFICATION_ALREADY_FOLLOWED_UP');

      // Finished cases leave the open list of the old endpoint, and stay in the full list.
      const supervisor = await kit.staff(SUINING, 'supervisor');
      const openList = kit.expectOk(await t.http.get<Array<{ id: string }>>(`/api/v1/centres/${SUINING}/rectifications`, { token: supervisor }));
      expect(openList.some((r) => r.id === opened.id)).toBe(false);
      const all = kit.expectOk(await t.http.get<RectificationCaseView[]>(`/api/v1/centres/${SUINING}/rectification-cases`, { token: supervisor }));
      expect(all.find((r) => r.id === opened.id)).toMatchObject({ status: 'done', firstDue: opened.due });
      expect(opened.due).toBe(calendar.addWorkingDays(chinaCivilDate(new Date()), 15).date);
    },
    STORY_TIMEOUT * 2,
  );

  it(
    'ends a valid case that cannot be fixed, and keeps other centres and other posts out',
    async () => {
      const opened = await badlyRated();
      await act(opened, { action: 'confirm_valid' });
      await act(opened, { action: 'start' });
      expect(await act(opened, { action: 'cannot_fix', note: '涉及法定程序，无法在本中心整改，已报上级。' })).toMatchObject({ status: 'cannot_fix', actions: ['follow_up'] });

      const shehong = await kit.staff('510981', 'supervisor');
      const foreign = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/rectification-cases/${opened.id}/actions`, { action: 'follow_up', note: 'x' }, { token: shehong });
      expect(foreign.status).toBe(403);
      const own = kit.expectOk(await t.http.get<RectificationCaseView[]>('/api/v1/centres/510981/rectification-cases', { token: shehong }));
      expect(own.some((r) => r.id === opened.id)).toBe(false);
      const reviewer = await kit.staff(SUINING, 'reviewer');
      expect((await t.http.get(`/api/v1/centres/${SUINING}/rectification-cases`, { token: reviewer })).status).toBe(403);
      expect((await t.http.get(`/api/v1/centres/${SUINING}/rectification-cases?status=bogus`, { token: await kit.staff(SUINING, 'supervisor') })).status).toBe(400);
    },
    STORY_TIMEOUT * 2,
  );
});
