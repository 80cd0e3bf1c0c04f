import { ApplicationStatus } from '@zhengwu/approval/domain';
import { chinaCivilDate, nationalCalendar } from '@zhengwu/calendar/domain';
import { connectAsRuntimeRole, samplePdf, TestApp } from '@zhengwu/server/testing';
import type { ApplicationView, ErrorBody, RatingView } from '@zhengwu/shared/contracts';
import { ApprovalKit, createApprovalTestApp, STORY_TIMEOUT } from './testing/approval-test-kit';

/**
 * The seed story (ARCHITECTURE.md §2) over HTTP: a Shehong resident applies online for a Suining
 * item; the clerk returns it once with a complete notice; the applicant fixes only those materials;
 * the clerk accepts (the clock starts); reviewer and approver pass their steps; the item needs the
 * originals checked, so the approved case waits in status 50; the applicant rates the steps.
 */
describe('the application story', () => {
  let t: TestApp;
  let kit: ApprovalKit;
  const FOOD = '食品经营许可（新办）';

  beforeAll(async () => {
    t = await createApprovalTestApp();
    kit = new ApprovalKit(t);
  }, 60_000);
  afterAll(() => t.close());

  it('goes from draft to approved with the one-time notice, working-day deadlines and ratings', async () => {
    const applicant = await kit.newApplicant('510981');
    const clerk = await kit.staff('510900', 'clerk');
    const reviewer = await kit.staff('510900', 'reviewer');
    const approver = await kit.staff('510900', 'approver');

    // Draft: the originals will be checked at the applicant's own county centre by default.
    const draft = await kit.draft('510900', applicant.token, FOOD);
    expect(draft).toMatchObject({ status: ApplicationStatus.Draft, caseNumber: null, verificationCentre: '510981', originalsCheckRequired: true });
    expect(draft.materials.length).toBeGreaterThanOrEqual(5);

    // Submitting without the required materials is refused with the list of what is missing.
    const early = await kit.submit(draft, applicant.token);
    expect(early.status).toBe(400);
    expect((early.body as unknown as ErrorBody).code).toBe('MATERIALS_MISSING');

    await kit.uploadRequired(draft, applicant.token);
    const key = 'story-submit-0001';
    const submitted = kit.expectOk(await kit.submit(draft, applicant.token, key));
    expect(submitted.status).toBe(ApplicationStatus.Submitted);
    expect(submitted.caseNumber).toMatch(new RegExp(`^510900${chinaCivilDate(new Date()).replace(/-/g, '')}01\\d{6}[0-9X]$`));
    expect(submitted.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    // A retried submit returns the same result, never a second case.
    const retried = kit.expectOk(await kit.submit(draft, applicant.token, key));
    expect(retried.caseNumber).toBe(submitted.caseNumber);
    expect(retried.version).toBe(submitted.version);

    // The clerk returns it once, listing every defect (一次性告知).
    const inbox = kit.expectOk(await t.http.get<{ items: Array<{ id: string }> }>('/api/v1/centres/510900/inbox?status=12&pageSize=100', { token: clerk }));
    expect(inbox.items.map((i) => i.id)).toContain(draft.id);
    const [first, second, third] = submitted.materials.filter((m) => m.required);
    const returned = kit.expectOk(
      await kit.act(submitted, 'pre-review/return', clerk, {
        version: submitted.version,
        defects: [
          { materialCode: first.code, kind: 'illegible', explanation: '扫描件模糊，请重新扫描盖章页。' },
          { materialCode: second.code, kind: 'inconsistent', explanation: '法定代表人姓名与营业执照不一致。' },
        ],
      }),
    );
    expect(returned.status).toBe(ApplicationStatus.Returned);
    expect(returned.notices).toHaveLength(1);

    const applicantView = await kit.view(returned, applicant.token);
    expect(applicantView.notices[0].defects.map((d) => d.materialCode)).toEqual([first.code, second.code]);
    expect(applicantView.notices[0].defects[0].materialName).toBe(first.name);

    // The applicant corrects only the first material and resubmits.
    kit.expectOk(await kit.upload(returned, applicant.token, first.code, samplePdf('fixed')));
    const resubmitted = kit.expectOk(await kit.submit(returned, applicant.token));
    expect(resubmitted.status).toBe(ApplicationStatus.Submitted);
    expect(resubmitted.caseNumber).toBe(submitted.caseNumber);

    // §32: a defect on a material neither changed nor noticed before is refused…
    const late = await kit.act(resubmitted, 'pre-review/return', clerk, {
      version: resubmitted.version,
      defects: [{ materialCode: third.code, kind: 'expired', explanation: '证明已过期。' }],
    });
    expect(late.status).toBe(409);
    expect((late.body as unknown as ErrorBody).code).toBe('ONE_TIME_NOTICE_VIOLATION');

    // …and accepting starts the working-day clock; the window's 受理 step completes with it.
    const accepted = kit.expectOk(await kit.act(resubmitted, 'pre-review/accept', clerk, { version: resubmitted.version }));
    const today = chinaCivilDate(new Date());
    const calendar = nationalCalendar();
    expect(accepted.status).toBe(ApplicationStatus.Accepted);
    expect(accepted.clockState).toBe('running');
    expect(accepted.deadlines.promisedDue).toBe(calendar.addWorkingDays(today, 10).date);
    expect(accepted.deadlines.legalDue).toBe(calendar.addWorkingDays(today, 20).date);
    expect(accepted.currentStep).toMatchObject({ post: 'reviewer', due: calendar.addWorkingDays(today, 6).date });
    expect(accepted.timeline[0]).toMatchObject({ post: 'window_clerk', outcome: 'passed' });

    // A reviewer passes; the approver approves. The originals still have to be checked.
    const reviewed = kit.expectOk(await kit.act(accepted, 'steps/pass', reviewer, { version: accepted.version, comment: '材料齐全，符合条件。' }));
    expect(reviewed.currentStep).toMatchObject({ post: 'approver', due: calendar.addWorkingDays(today, 3).date });
    const approved = kit.expectOk(await kit.act(reviewed, 'decision/approve', approver, { version: reviewed.version }));
    expect(approved.status).toBe(ApplicationStatus.Approved);
    expect(approved.currentStep).toBeNull();
    const completing = await kit.act(approved, 'complete', approver, { version: approved.version });
    expect(completing.status).toBe(409);

    // The applicant follows every step, with handlers masked, and rates them.
    const progress = await kit.view(approved, applicant.token);
    expect(progress.timeline.map((entry) => [entry.post, entry.outcome])).toEqual([
      ['window_clerk', 'passed'],
      ['reviewer', 'passed'],
      ['approver', 'approved'],
    ]);
    expect(progress.timeline.every((entry) => entry.handler === null || /^.\*+$/.test(entry.handler))).toBe(true);
    expect(JSON.stringify(progress)).not.toContain('审核员');
    const rating = kit.expectOk(
      await t.http.post<RatingView>(
        `/api/v1/centres/510900/applications/${approved.id}/ratings`,
        { stepSeq: progress.timeline[1].seq, level: 'very_satisfied', indicators: ['efficiency'] },
        { token: applicant.token },
      ),
      201,
    );
    expect(rating.rectificationOpened).toBe(false);
    const again = await t.http.post(`/api/v1/centres/510900/applications/${approved.id}/ratings`, { stepSeq: progress.timeline[1].seq, level: 'satisfied' }, { token: applicant.token });
    expect(again.status).toBe(409);

    // Every step of the story is in the centre's hash chain, which verifies.
    const supervisor = await kit.staff('510900', 'supervisor');
    const chain = kit.expectOk(await t.http.get<{ ok: boolean; checked: number }>('/api/v1/centres/510900/events/verification', { token: supervisor }));
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(7);

    // The applicant was told at each turn.
    const notices = kit.expectOk(await t.http.get<{ items: Array<{ template: string; caseNumber: string }> }>('/api/v1/me/notifications?pageSize=50', { token: applicant.token }));
    expect(notices.items.map((n) => n.template).sort()).toEqual(['application.accepted', 'application.approved', 'application.returned']);
    expect(notices.items.every((n) => n.caseNumber === submitted.caseNumber)).toBe(true);

    // Public lookup with the query code shows progress without personal data.
    const lookup = await t.http.get<Record<string, unknown>>(`/api/v1/public/cases/${submitted.caseNumber}?queryCode=${submitted.queryCode}`);
    expect(lookup.status).toBe(200);
    expect(JSON.stringify(lookup.body)).not.toContain('申请人甲');
    expect((await t.http.get(`/api/v1/public/cases/${submitted.caseNumber}?queryCode=AAAAAAAA`)).status).toBe(404);

    const db = await connectAsRuntimeRole();
    try {
      const events = await db.asTenant('510900', (c) =>
        c.query('SELECT action FROM application_events WHERE application_id = $1 ORDER BY seq', [draft.id]),
      );
      expect(events.rows.map((r) => r.action)).toEqual(['submit', 'return_with_notice', 'resubmit', 'accept', 'pass_step', 'pass_step', 'approve']);
    } finally {
      await db.end();
    }
  }, STORY_TIMEOUT);

  it('completes an item without an originals check, and lets the applicant rate the case; a bad rating opens a rectification', async () => {
    const { application, applicant } = await kit.submitted('510900', '道路货物运输经营许可');
    const clerk = await kit.staff('510900', 'clerk');
    const reviewer = await kit.staff('510900', 'reviewer');
    const approver = await kit.staff('510900', 'approver');
    let current: ApplicationView = kit.expectOk(await kit.act(application, 'pre-review/accept', clerk, { version: application.version }));
    current = kit.expectOk(await kit.act(current, 'steps/pass', reviewer, { version: current.version }));
    current = kit.expectOk(await kit.act(current, 'decision/approve', approver, { version: current.version }));
    current = kit.expectOk(await kit.act(current, 'complete', approver, { version: current.version, deliveryMode: 'post' }));
    expect(current).toMatchObject({ status: ApplicationStatus.Completed, resultType: 'certificate_issued', deliveryMode: 'post', clockState: 'stopped' });

    const rating = kit.expectOk(
      await t.http.post<RatingView>(`/api/v1/centres/510900/applications/${application.id}/ratings`, { level: 'very_dissatisfied', comment: '等待时间太长。' }, { token: applicant.token }),
      201,
    );
    expect(rating.rectificationOpened).toBe(true);
    const supervisor = await kit.staff('510900', 'supervisor');
    const rectifications = kit.expectOk(await t.http.get<Array<{ caseNumber: string; due: string }>>('/api/v1/centres/510900/rectifications', { token: supervisor }));
    const mine = rectifications.find((r) => r.caseNumber === application.caseNumber);
    expect(mine?.due).toBe(nationalCalendar().addWorkingDays(chinaCivilDate(new Date()), 15).date);
  }, STORY_TIMEOUT);

  it('decides a 即办件 on the spot at acceptance', async () => {
    const { application } = await kit.submitted('510900', '个体工商户名称变更登记');
    const clerk = await kit.staff('510900', 'clerk');
    const accepted = kit.expectOk(await kit.act(application, 'pre-review/accept', clerk, { version: application.version }));
    expect(accepted).toMatchObject({ status: ApplicationStatus.Completed, resultType: 'completed', clockState: 'stopped' });
  }, STORY_TIMEOUT);
});
