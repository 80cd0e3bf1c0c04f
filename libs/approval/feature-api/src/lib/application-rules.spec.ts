import { ApplicationStatus } from '@zhengwu/approval/domain';
import { chinaCivilDate, CivilDate, nationalCalendar } from '@zhengwu/calendar/domain';
import { connectAsOwner, connectAsRuntimeRole, samplePdf, TestApp } from '@zhengwu/server/testing';
import type { ErrorBody } from '@zhengwu/shared/contracts';
import { randomUUID } from 'node:crypto';
import { ApprovalSweeper } from './sweeper/approval-sweeper.service';
import { ApprovalKit, createApprovalTestApp, STORY_TIMEOUT } from './testing/approval-test-kit';

const ROAD = '道路货物运输经营许可';

describe('application rules', () => {
  let t: TestApp;
  let kit: ApprovalKit;

  beforeAll(async () => {
    t = await createApprovalTestApp({ MAX_UPLOAD_BYTES: '4096' });
    kit = new ApprovalKit(t);
  }, 60_000);
  afterAll(() => t.close());

  async function materialRows(applicationId: string): Promise<number> {
    const db = await connectAsRuntimeRole();
    try {
      const rows = await db.asTenant('510900', (c) => c.query('SELECT 1 FROM application_materials WHERE application_id = $1', [applicationId]));
      return rows.rowCount ?? 0;
    } finally {
      await db.end();
    }
  }

  it('lets one of two clerks acting at once succeed and answers the other 409', async () => {
    const { application } = await kit.submitted('510900', ROAD);
    const clerk = await kit.staff('510900', 'clerk');
    const [a, b] = await Promise.all([
      kit.act(application, 'pre-review/accept', clerk, { version: application.version }),
      kit.act(application, 'pre-review/return', clerk, {
        version: application.version,
        defects: [{ materialCode: application.materials[0].code, kind: 'missing', explanation: '缺少该材料。' }],
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (a.status === 409 ? a : b).body as unknown as ErrorBody;
    expect(loser.code).toBe('CONCURRENT_MODIFICATION');
    const db = await connectAsRuntimeRole();
    try {
      const events = await db.asTenant('510900', (c) =>
        c.query("SELECT action FROM application_events WHERE application_id = $1 AND action <> 'submit'", [application.id]),
      );
      // Exactly one of the two happened: the acceptance (with its automatic 受理 step) or the return.
      const actions = events.rows.map((r) => r.action).sort();
      expect([['accept', 'pass_step'], ['return_with_notice']]).toContainEqual(actions);
    } finally {
      await db.end();
    }
  }, STORY_TIMEOUT);

  it('answers 409 to an action on a stale version', async () => {
    const { application } = await kit.submitted('510900', ROAD);
    const clerk = await kit.staff('510900', 'clerk');
    const stale = await kit.act(application, 'pre-review/accept', clerk, { version: application.version - 1 });
    expect(stale.status).toBe(409);
  }, STORY_TIMEOUT);

  it('makes one case of concurrent submits with the same Idempotency-Key', async () => {
    const applicant = await kit.newApplicant();
    const draft = await kit.draft('510900', applicant.token, ROAD);
    await kit.uploadRequired(draft, applicant.token);
    const key = `parallel-${randomUUID()}`;
    const results = await Promise.all([kit.submit(draft, applicant.token, key), kit.submit(draft, applicant.token, key), kit.submit(draft, applicant.token, key)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body.caseNumber)).size).toBe(1);
    const other = await kit.submit(draft, applicant.token, `other-${randomUUID()}`);
    expect(other.status).toBe(409);
    const noKey = await t.http.post<ErrorBody>(`/api/v1/centres/510900/applications/${draft.id}/submit`, undefined, { token: applicant.token });
    expect(noKey.status).toBe(400);
    expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  }, STORY_TIMEOUT);

  it.each([
    ['wrong magic bytes', 'photo.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 415],
    ['an oversized file', 'big.pdf', Buffer.concat([samplePdf(), Buffer.alloc(8192, 0x20)]), 413],
    ['an empty file', 'empty.pdf', Buffer.alloc(0), 400],
    ['a path-traversal name', '../../etc/passwd.pdf', samplePdf(), 400],
    ['a name with a NUL byte', 'a\u0000.pdf', samplePdf(), 400],
  ])('refuses %s with a 4xx and stores nothing', async (_label, fileName, content, status) => {
    const applicant = await kit.newApplicant();
    const draft = await kit.draft('510900', applicant.token, ROAD);
    const response = await kit.upload(draft, applicant.token, draft.materials[0].code, content, fileName);
    expect(response.status).toBe(status);
    expect((response.body as unknown as ErrorBody).message.zh).toBeTruthy();
    expect(await materialRows(draft.id)).toBe(0);
  }, STORY_TIMEOUT);

  it('keeps every version of a replaced material', async () => {
    const applicant = await kit.newApplicant();
    const draft = await kit.draft('510900', applicant.token, ROAD);
    const code = draft.materials[0].code;
    kit.expectOk(await kit.upload(draft, applicant.token, code, samplePdf('v1')));
    const after = kit.expectOk(await kit.upload(draft, applicant.token, code, samplePdf('v2')));
    const versions = after.materials.find((m) => m.code === code)?.versions ?? [];
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].sha256).not.toBe(versions[1].sha256);
    const download = await t.http.get(`/api/v1/centres/510900/applications/${draft.id}/materials/${code}/versions/1`, { token: applicant.token });
    expect(download.status).toBe(200);
    expect(download.text).toContain('% v1');
    expect(download.headers['content-type']).toBe('application/pdf');
  }, STORY_TIMEOUT);

  it('keeps centres and applicants apart', async () => {
    const { application, applicant } = await kit.submitted('510900', ROAD);
    const shehongClerk = await kit.staff('510981', 'clerk');
    // Another centre's clerk: refused on the Suining path, and finds nothing on their own.
    const onSuining = await kit.act(application, 'pre-review/accept', shehongClerk, { version: application.version });
    expect(onSuining.status).toBe(403);
    const read = await t.http.get(`/api/v1/centres/510900/applications/${application.id}`, { token: shehongClerk });
    expect(read.status).toBe(403);
    const viaOwnCentre = await t.http.get(`/api/v1/centres/510981/applications/${application.id}`, { token: shehongClerk });
    expect(viaOwnCentre.status).toBe(404);
    const inbox = kit.expectOk(await t.http.get<{ items: Array<{ id: string }> }>('/api/v1/centres/510981/inbox?pageSize=100', { token: shehongClerk }));
    expect(inbox.items.map((i) => i.id)).not.toContain(application.id);
    // Another applicant sees neither the case nor its materials.
    const stranger = await kit.newApplicant();
    expect((await t.http.get(`/api/v1/centres/510900/applications/${application.id}`, { token: stranger.token })).status).toBe(404);
    const code = application.materials[0].code;
    expect((await t.http.get(`/api/v1/centres/510900/applications/${application.id}/materials/${code}/versions/1`, { token: stranger.token })).status).toBe(404);
    const mine = kit.expectOk(await t.http.get<{ items: Array<{ id: string }> }>('/api/v1/me/applications', { token: stranger.token }));
    expect(mine.items).toEqual([]);
    const owner = kit.expectOk(await t.http.get<{ items: Array<{ id: string }> }>('/api/v1/me/applications', { token: applicant.token }));
    expect(owner.items.map((i) => i.id)).toEqual([application.id]);
    // An applicant cannot perform staff actions.
    expect((await kit.act(application, 'pre-review/accept', applicant.token, { version: application.version })).status).toBe(403);
  }, STORY_TIMEOUT);

  it('refuses a step action by the wrong post, and a step held by someone else', async () => {
    const { application } = await kit.submitted('510900', ROAD);
    const clerk = await kit.staff('510900', 'clerk');
    const reviewer = await kit.staff('510900', 'reviewer');
    const accepted = kit.expectOk(await kit.act(application, 'pre-review/accept', clerk, { version: application.version }));
    expect(accepted.currentStep?.post).toBe('reviewer');
    const byClerk = await kit.act(accepted, 'steps/pass', clerk, { version: accepted.version });
    expect(byClerk.status).toBe(403);
    expect((byClerk.body as unknown as ErrorBody).code).toBe('NOT_YOUR_POST');
    const claimed = kit.expectOk(await kit.act(accepted, 'steps/claim', reviewer, { version: accepted.version }));
    expect(claimed.currentStep?.assignee).toBe('审核员');
    const admin = await kit.staff('510900', 'admin');
    const username = `rev${Date.now()}`;
    kit.expectOk(
      await t.http.post('/api/v1/centres/510900/staff', { username, name: '第二审核员', roles: ['reviewer'], password: 'Second-Reviewer-1' }, { token: admin }),
      201,
    );
    const second = kit.expectOk(
      await t.http.post<{ accessToken: string }>('/api/v1/auth/staff/login', { centreCode: '510900', username, password: 'Second-Reviewer-1' }),
    ).accessToken;
    const taken = await kit.act(claimed, 'steps/pass', second, { version: claimed.version });
    expect(taken.status).toBe(403);
    expect((taken.body as unknown as ErrorBody).code).toBe('STEP_ASSIGNED_TO_OTHER');
    const approverOnReview = await kit.act(claimed, 'decision/approve', await kit.staff('510900', 'approver'), { version: claimed.version });
    expect(approverOnReview.status).toBe(403);
  }, STORY_TIMEOUT);

  it('lets a supervisor override the one-time rule with a recorded reason', async () => {
    const { application, applicant } = await kit.submitted('510900', ROAD);
    const clerk = await kit.staff('510900', 'clerk');
    const supervisor = await kit.staff('510900', 'supervisor');
    const [first, second] = application.materials.filter((m) => m.required);
    const returned = kit.expectOk(
      await kit.act(application, 'pre-review/return', clerk, {
        version: application.version,
        defects: [{ materialCode: first.code, kind: 'illegible', explanation: '模糊。' }],
      }),
    );
    const resubmitted = kit.expectOk(await kit.submit(returned, applicant.token));
    const refused = await kit.act(resubmitted, 'pre-review/return', clerk, {
      version: resubmitted.version,
      defects: [{ materialCode: second.code, kind: 'expired', explanation: '已过期。' }],
    });
    expect(refused.status).toBe(409);
    expect((refused.body as unknown as { details: { violations: unknown[] } }).details.violations).toHaveLength(1);
    const clerkOverride = await kit.act(resubmitted, 'pre-review/return-with-override', clerk, {
      version: resubmitted.version,
      defects: [{ materialCode: second.code, kind: 'expired', explanation: '已过期。' }],
      overrideReason: '首次预审遗漏，经督查同意补充告知。',
    });
    expect(clerkOverride.status).toBe(403);
    const overridden = kit.expectOk(
      await kit.act(resubmitted, 'pre-review/return-with-override', supervisor, {
        version: resubmitted.version,
        defects: [{ materialCode: second.code, kind: 'expired', explanation: '已过期。' }],
        overrideReason: '首次预审遗漏，经督查同意补充告知。',
      }),
    );
    expect(overridden.notices[1].override).toMatchObject({ reason: '首次预审遗漏，经督查同意补充告知。' });
    const applicantSees = await kit.view(overridden, applicant.token);
    expect(applicantSees.notices[1].override).toBeUndefined();
  }, STORY_TIMEOUT);

  it('pauses the clock for a special procedure and moves the deadlines by the paused working days; extends once', async () => {
    const { application } = await kit.submitted('510900', ROAD);
    const clerk = await kit.staff('510900', 'clerk');
    const reviewer = await kit.staff('510900', 'reviewer');
    const approver = await kit.staff('510900', 'approver');
    const accepted = kit.expectOk(await kit.act(application, 'pre-review/accept', clerk, { version: application.version }));
    const paused = kit.expectOk(
      await kit.act(accepted, 'special-procedures', reviewer, { version: accepted.version, kind: 'testing', reason: '车辆技术检测', capWorkingDays: 5 }),
    );
    expect(paused).toMatchObject({ clockState: 'paused', pause: { kind: 'testing', capWorkingDays: 5 } });
    expect((await kit.act(paused, 'steps/pass', reviewer, { version: paused.version })).status).toBe(409);

    // The sweep resumes a procedure whose cap has passed, moving the deadlines by the pause.
    const calendar = nationalCalendar();
    const today = chinaCivilDate(new Date());
    const afterCap = new Date(`${calendar.addWorkingDays(today, 6).date}T10:00:00+08:00`);
    const report = await t.app.get(ApprovalSweeper).sweep(afterCap);
    expect(report.resumed).toBeGreaterThanOrEqual(1);
    const resumed = await kit.view(paused, reviewer);
    expect(resumed.clockState).toBe('running');
    expect(resumed.pauses[0].endedAt).not.toBeNull();
    // Resumed "now" (the sweep ran with a future clock but wrote the real time), so the pause was short.
    expect(resumed.deadlines.promisedDue).not.toBeNull();

    const extended = kit.expectOk(await kit.act(resumed, 'extension', approver, { version: resumed.version, reason: '需要补充现场核查。' }));
    expect(extended.deadlines.extensionWorkingDays).toBe(10);
    expect(extended.deadlines.legalDue).toBe(calendar.addWorkingDays((resumed.deadlines.legalDue ?? today) as CivilDate, 10).date);
    expect((await kit.act(extended, 'extension', approver, { version: extended.version, reason: '再延长。' })).status).toBe(409);
  }, STORY_TIMEOUT);

  it('flags a submission not pre-reviewed within five working days as deemed accepted (§32)', async () => {
    const { application } = await kit.submitted('510900', ROAD);
    const calendar = nationalCalendar();
    const today = chinaCivilDate(new Date());
    const sweeper = t.app.get(ApprovalSweeper);
    await sweeper.sweep(new Date(`${calendar.addWorkingDays(today, 5).date}T12:00:00+08:00`));
    expect((await kit.view(application, await kit.staff('510900', 'clerk'))).deemedAcceptedAt).toBeNull();
    await sweeper.sweep(new Date(`${calendar.addWorkingDays(today, 6).date}T09:00:00+08:00`));
    const flagged = await kit.view(application, await kit.staff('510900', 'clerk'));
    expect(flagged.deemedAcceptedAt).not.toBeNull();
    expect(flagged.status).toBe(ApplicationStatus.Submitted);
  }, STORY_TIMEOUT);

  it('detects a tampered event in the hash chain', async () => {
    // The province centre: no other test of the run verifies its chain while this one breaks it.
    const centre = '510000';
    const { application } = await kit.submitted(centre, '道路运输从业人员从业资格证件补发');
    kit.expectOk(await kit.act(application, 'pre-review/accept', await kit.staff(centre, 'clerk'), { version: application.version }));
    const supervisor = await kit.staff(centre, 'supervisor');
    const verify = async () =>
      kit.expectOk(await t.http.get<{ ok: boolean; brokenAt?: { reason: string } }>(`/api/v1/centres/${centre}/events/verification`, { token: supervisor }));
    expect((await verify()).ok).toBe(true);

    const owner = await connectAsOwner();
    const tamper = async (comment: string | null) => {
      await owner.query('BEGIN');
      await owner.query("SELECT set_config('app.tenant_id', $1, true)", [centre]);
      await owner.query("UPDATE application_events SET comment = $3 WHERE tenant_id = $1 AND application_id = $2 AND action = 'submit'", [
        centre,
        application.id,
        comment,
      ]);
      await owner.query('COMMIT');
    };
    try {
      await tamper('forged');
      expect(await verify()).toMatchObject({ ok: false, brokenAt: { reason: 'hash_mismatch' } });
    } finally {
      await tamper(null);
      await owner.end();
    }
    expect((await verify()).ok).toBe(true);
  }, STORY_TIMEOUT);
});
