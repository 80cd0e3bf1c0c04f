import { ApplicationStatus } from '@zhengwu/approval/domain';
import { connectAsRuntimeRole, TestApp } from '@zhengwu/server/testing';
import type { ApplicationView, ErrorBody, PageOf, VerificationTaskView } from '@zhengwu/shared/contracts';
import { ApprovalKit, createApprovalTestApp, deliverRoutedMessages, STORY_TIMEOUT } from './testing/approval-test-kit';

const FOOD = '食品经营许可（新办）';

/**
 * 就地就近: a Shehong resident's Suining case has its paper originals checked at Shehong. The
 * request and the signed attestation travel as routed messages (loopback here: one deployment
 * hosting both centres, still through outbox and inbox).
 */
describe('the originals check at the nearest centre', () => {
  let t: TestApp;
  let kit: ApprovalKit;

  beforeAll(async () => {
    t = await createApprovalTestApp();
    kit = new ApprovalKit(t);
  }, 60_000);
  afterAll(() => t.close());

  /** A Suining food-licence case approved and waiting for its originals check. */
  async function approvedFoodCase(verificationCentre?: string): Promise<{ application: ApplicationView; applicantToken: string }> {
    const applicant = await kit.newApplicant('510981');
    const draft = await kit.draft('510900', applicant.token, FOOD, verificationCentre ? { verificationCentre } : {});
    await kit.uploadRequired(draft, applicant.token);
    let current = kit.expectOk(await kit.submit(draft, applicant.token));
    current = kit.expectOk(await kit.act(current, 'pre-review/accept', await kit.staff('510900', 'clerk'), { version: current.version }));
    current = kit.expectOk(await kit.act(current, 'steps/pass', await kit.staff('510900', 'reviewer'), { version: current.version }));
    current = kit.expectOk(await kit.act(current, 'decision/approve', await kit.staff('510900', 'approver'), { version: current.version }));
    return { application: current, applicantToken: applicant.token };
  }

  async function taskFor(centre: string, caseNumber: string): Promise<VerificationTaskView | undefined> {
    const queue = kit.expectOk(
      await t.http.get<PageOf<VerificationTaskView>>(`/api/v1/centres/${centre}/verification-tasks?pageSize=100`, { token: await kit.staff(centre, 'clerk') }),
    );
    return queue.items.find((task) => task.caseNumber === caseNumber);
  }

  it('routes the check to Shehong, and the signed attestation back completes the Suining case', async () => {
    const { application, applicantToken } = await approvedFoodCase();
    expect(application.status).toBe(ApplicationStatus.Approved);
    expect(application.originalsChecks).toEqual([expect.objectContaining({ verifyingCentre: '510981', status: 'requested' })]);

    await deliverRoutedMessages(t);
    const task = await taskFor('510981', application.caseNumber ?? '');
    expect(task).toBeDefined();
    if (!task) return;
    // The verifier gets the manifest and an identity summary: nothing else of the case.
    expect(task).toMatchObject({ handlingCentre: '510900', itemName: FOOD, status: 'pending', applicant: { kind: 'natural_person' } });
    expect(task.applicant.identityMasked).toMatch(/^510981\*{8}\d{3}[0-9X]$/);
    expect(task.materials.map((m) => m.code).sort()).toEqual(application.materials.filter((m) => m.versions.length > 0).map((m) => m.code).sort());
    expect(JSON.stringify(task)).not.toContain(application.id);
    expect(task.due).not.toBeNull();

    const shehongClerk = await kit.staff('510981', 'clerk');
    const copy = await t.http.get(`/api/v1/centres/510981/verification-tasks/${task.id}/copies/${task.materials[0].sha256}`, { token: shehongClerk });
    expect(copy.status).toBe(200);
    expect(copy.text.startsWith('%PDF')).toBe(true);
    const notInManifest = await t.http.get(`/api/v1/centres/510981/verification-tasks/${task.id}/copies/${'0'.repeat(64)}`, { token: shehongClerk });
    expect(notInManifest.status).toBe(404);

    // Tenancy: neither the verifier nor a third centre sees the Suining case itself.
    expect((await t.http.get(`/api/v1/centres/510900/applications/${application.id}`, { token: shehongClerk })).status).toBe(403);
    expect(await taskFor('510000', application.caseNumber ?? '')).toBeUndefined();
    expect((await t.http.get(`/api/v1/centres/510000/verification-tasks/${task.id}`, { token: await kit.staff('510000', 'clerk') })).status).toBe(404);

    // Incomplete results are refused; the full record is signed and routed back.
    const partial = await t.http.post<ErrorBody>(
      `/api/v1/centres/510981/verification-tasks/${task.id}/complete`,
      { materials: [{ code: task.materials[0].code, version: task.materials[0].version, result: 'match' }], identityChecked: true, custody: 'returned_to_applicant' },
      { token: shehongClerk },
    );
    expect(partial.status).toBe(400);
    const done = kit.expectOk(
      await t.http.post<VerificationTaskView>(
        `/api/v1/centres/510981/verification-tasks/${task.id}/complete`,
        {
          materials: task.materials.map((m) => ({ code: m.code, version: m.version, result: 'match' })),
          identityChecked: true,
          custody: 'forwarded',
          courierNumber: 'SF1234567890',
        },
        { token: shehongClerk },
      ),
    );
    expect(done.status).toBe('completed');
    const again = await t.http.post(`/api/v1/centres/510981/verification-tasks/${task.id}/complete`, {
      materials: task.materials.map((m) => ({ code: m.code, version: m.version, result: 'match' })),
      identityChecked: true,
      custody: 'returned_to_applicant',
    }, { token: shehongClerk });
    expect(again.status).toBe(409);

    await deliverRoutedMessages(t);
    const completed = await kit.view(application, applicantToken);
    expect(completed).toMatchObject({ status: ApplicationStatus.Completed, resultType: 'certificate_issued', originalsVerified: true });
    expect(completed.originalsChecks[0]).toMatchObject({ status: 'matched', custody: 'forwarded', courierNumber: 'SF1234567890', identityChecked: true });

    const db = await connectAsRuntimeRole();
    try {
      const levels = await db.asTenant('510900', (c) =>
        c.query('SELECT DISTINCT trust_level FROM application_materials WHERE application_id = $1 AND (material_code, version) IN (SELECT material_code, max(version) FROM application_materials WHERE application_id = $1 GROUP BY material_code)', [application.id]),
      );
      expect(levels.rows).toEqual([{ trust_level: 'B' }]);
      const attestation = await db.asTenant('510900', (c) => c.query('SELECT attestation_signature FROM originals_checks WHERE application_id = $1', [application.id]));
      expect(attestation.rows[0].attestation_signature).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    } finally {
      await db.end();
    }

    // The Suining counter confirms the forwarded paper arrived.
    const arrived = kit.expectOk(await kit.act(completed, 'originals/arrival', await kit.staff('510900', 'clerk'), {}));
    expect(arrived.originalsChecks[0].paperArrivedAt).not.toBeNull();
  }, STORY_TIMEOUT);

  it('sends the case back to the applicant with a notice when an original does not match', async () => {
    const { application, applicantToken } = await approvedFoodCase();
    await deliverRoutedMessages(t);
    const task = await taskFor('510981', application.caseNumber ?? '');
    if (!task) throw new Error('no task');
    const [wrong, ...rest] = task.materials;
    kit.expectOk(
      await t.http.post(
        `/api/v1/centres/510981/verification-tasks/${task.id}/complete`,
        {
          materials: [
            { code: wrong.code, version: wrong.version, result: 'mismatch', note: '原件印章与复印件不一致' },
            ...rest.map((m) => ({ code: m.code, version: m.version, result: 'match' })),
          ],
          identityChecked: true,
          custody: 'returned_to_applicant',
        },
        { token: await kit.staff('510981', 'clerk') },
      ),
    );
    await deliverRoutedMessages(t);
    const returned = await kit.view(application, applicantToken);
    expect(returned.status).toBe(ApplicationStatus.Returned);
    expect(returned.originalsChecks[0].status).toBe('mismatched');
    const notice = returned.notices[returned.notices.length - 1];
    expect(notice.defects).toEqual([expect.objectContaining({ materialCode: wrong.code, kind: 'inconsistent' })]);
  }, STORY_TIMEOUT);

  it('publishes which deployment serves which centre', async () => {
    const directory = kit.expectOk(await t.http.get<{ self: string; identityIssuer: string; centres: Array<{ code: string; deploymentId: string }> }>('/api/v1/directory'));
    expect(directory.identityIssuer).toBe('test');
    expect(directory.self).toBe('test');
    expect(directory.centres).toEqual(expect.arrayContaining([{ code: '510900', deploymentId: 'test' }]));
    expect(JSON.stringify(directory)).not.toContain('publicKey');
  });

  it('runs the same path inside the handling centre when the applicant chooses it', async () => {
    const { application } = await approvedFoodCase('510900');
    await deliverRoutedMessages(t);
    const task = await taskFor('510900', application.caseNumber ?? '');
    if (!task) throw new Error('no task at the handling centre');
    kit.expectOk(
      await t.http.post(
        `/api/v1/centres/510900/verification-tasks/${task.id}/complete`,
        { materials: task.materials.map((m) => ({ code: m.code, version: m.version, result: 'match' })), identityChecked: true, custody: 'returned_to_applicant' },
        { token: await kit.staff('510900', 'clerk') },
      ),
    );
    await deliverRoutedMessages(t);
    expect((await kit.view(application, await kit.staff('510900', 'clerk'))).status).toBe(ApplicationStatus.Completed);
  }, STORY_TIMEOUT);
});
