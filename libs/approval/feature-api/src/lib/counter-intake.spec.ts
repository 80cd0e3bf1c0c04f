import { ApplicationStatus } from '@zhengwu/approval/domain';
import { connectAsRuntimeRole, multipartBody, samplePdf, TestApp, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type { ApplicationSummary, ApplicationView, CounterIntakeView, ErrorBody, ItemGuide, PageOf } from '@zhengwu/shared/contracts';
import { ApprovalKit, createApprovalTestApp, deliverRoutedMessages, STORY_TIMEOUT } from './testing/approval-test-kit';

const FOOD = '食品经营许可（新办）';

/**
 * 异地代收: a walk-in applicant at the Shehong counter applies for a Suining item. The intake lives
 * at Shehong, the case is created at Suining from the routed message, and every change of its
 * status comes back to the Shehong counter (loopback here: one deployment hosting both centres,
 * still through outbox and inbox; the three-deployment run is in apps/api-e2e).
 */
describe('counter intake routed to the handling centre', () => {
  let t: TestApp;
  let kit: ApprovalKit;

  beforeAll(async () => {
    t = await createApprovalTestApp();
    kit = new ApprovalKit(t);
  }, 60_000);
  afterAll(() => t.close());

  const intakes = (centre: string) => `/api/v1/centres/${centre}/counter-intakes`;

  async function guide(centre: string, itemName: string): Promise<ItemGuide> {
    const itemId = await kit.itemId(centre, itemName);
    return kit.expectOk(await t.http.get<ItemGuide>(`/api/v1/centres/${centre}/items/${itemId}`));
  }

  async function startIntake(counter: string, itemCentre: string, item: ItemGuide, idNumber = uniqueResidentIdNumber('510981')) {
    const clerk = await kit.staff(counter, 'clerk');
    const intake = kit.expectOk(
      await t.http.post<CounterIntakeView>(
        intakes(counter),
        { itemCentre, itemId: item.id, itemName: item.name, applicant: { kind: 'natural_person', name: '王代收', identityNumber: idNumber, mobile: uniqueMobile() } },
        { token: clerk },
      ),
      201,
    );
    return { intake, clerk };
  }

  async function scanAll(counter: string, intake: CounterIntakeView, item: ItemGuide, clerk: string): Promise<CounterIntakeView> {
    let latest = intake;
    for (const material of item.materials.filter((m) => m.required)) {
      const { payload, headers } = multipartBody({ fileName: `${material.code}.pdf`, content: samplePdf(), contentType: 'application/pdf' });
      const query = `name=${encodeURIComponent(material.name)}&originalCount=${material.originalCount}&copyCount=${material.copyCount}`;
      latest = kit.expectOk(
        await t.http.put<CounterIntakeView>(`${intakes(counter)}/${intake.id}/materials/${material.code}?${query}`, undefined, { token: clerk, raw: payload, headers }),
      );
    }
    return latest;
  }

  async function caseAt(centre: string, caseNumber: string): Promise<ApplicationSummary | undefined> {
    const inbox = kit.expectOk(
      await t.http.get<PageOf<ApplicationSummary>>(`/api/v1/centres/${centre}/inbox?post=window_clerk&pageSize=100`, { token: await kit.staff(centre, 'clerk') }),
    );
    return inbox.items.find((summary) => summary.caseNumber === caseNumber);
  }

  it('files a Suining case at the Shehong counter and reports every status back down to it', async () => {
    const item = await guide('510900', FOOD);
    const { intake, clerk } = await startIntake('510981', '510900', item);
    expect(intake).toMatchObject({ status: 'drafting', itemCentre: '510900', itemName: FOOD, receivedBy: expect.any(String) });
    expect(intake.applicant.identityMasked).toMatch(/^510981\*{8}\d{3}[0-9X]$/);

    // Nothing leaves before the ID is checked; nothing changes either.
    const scanned = await scanAll('510981', intake, item, clerk);
    expect(scanned.materials.length).toBe(item.materials.filter((m) => m.required).length);
    const unchecked = await t.http.post<ErrorBody>(`${intakes('510981')}/${intake.id}/forward`, { identityChecked: false }, { token: clerk });
    expect(unchecked.status).toBe(400);
    expect(unchecked.body.code).toBe('INTAKE_IDENTITY_NOT_CHECKED');
    expect(kit.expectOk(await t.http.get<CounterIntakeView>(`${intakes('510981')}/${intake.id}`, { token: clerk })).status).toBe('drafting');

    const originals = scanned.materials.map((m) => ({ code: m.code, version: m.version, result: 'match' }));
    const forwarded = kit.expectOk(await t.http.post<CounterIntakeView>(`${intakes('510981')}/${intake.id}/forward`, { identityChecked: true, originals }, { token: clerk }));
    expect(forwarded).toMatchObject({ status: 'forwarded', identityChecked: true, caseNumber: null });
    // A double click returns the same intake and sends nothing twice.
    const again = kit.expectOk(await t.http.post<CounterIntakeView>(`${intakes('510981')}/${intake.id}/forward`, { identityChecked: true, originals }, { token: clerk }));
    expect(again.forwardedAt).toBe(forwarded.forwardedAt);
    const late = multipartBody({ fileName: 'late.pdf', content: samplePdf(), contentType: 'application/pdf' });
    const rescan = await t.http.put<ErrorBody>(`${intakes('510981')}/${intake.id}/materials/${scanned.materials[0].code}`, undefined, {
      token: clerk,
      raw: late.payload,
      headers: late.headers,
    });
    expect(rescan.status).toBe(409);

    await deliverRoutedMessages(t);
    const received = kit.expectOk(await t.http.get<CounterIntakeView>(`${intakes('510981')}/${intake.id}`, { token: clerk }));
    expect(received).toMatchObject({ status: 'reported', handlingStatus: ApplicationStatus.Submitted });
    expect(received.caseNumber).toMatch(/^510900\d{16}[0-9X]$/);

    // At Suining: a submitted case in the window clerks' queue, received at Shehong, originals already seen.
    const summary = await caseAt('510900', received.caseNumber ?? '');
    expect(summary).toBeDefined();
    const suiningClerk = await kit.staff('510900', 'clerk');
    let handled = await kit.view({ centreCode: '510900', id: summary?.id ?? '' }, suiningClerk);
    expect(handled).toMatchObject({ receivingCentre: '510981', verificationCentre: '510981', originalsVerified: true, status: ApplicationStatus.Submitted });
    expect(handled.originalsChecks).toEqual([expect.objectContaining({ verifyingCentre: '510981', status: 'matched' })]);

    handled = kit.expectOk(await kit.act(handled, 'pre-review/accept', suiningClerk, { version: handled.version }));
    handled = kit.expectOk(await kit.act(handled, 'steps/pass', await kit.staff('510900', 'reviewer'), { version: handled.version }));
    handled = kit.expectOk(await kit.act(handled, 'decision/approve', await kit.staff('510900', 'approver'), { version: handled.version }));
    // Originals were checked at the counter: no check is pending, the approved case can be issued.
    expect(handled.status).toBe(ApplicationStatus.Approved);
    expect(handled.originalsChecks).toHaveLength(1);
    handled = kit.expectOk(await kit.act(handled, 'complete', await kit.staff('510900', 'approver'), { version: handled.version }));
    expect(handled.status).toBe(ApplicationStatus.Completed);

    await deliverRoutedMessages(t);
    const done = kit.expectOk(await t.http.get<CounterIntakeView>(`${intakes('510981')}/${intake.id}`, { token: clerk }));
    expect(done).toMatchObject({ status: 'reported', handlingStatus: ApplicationStatus.Completed, caseNumber: received.caseNumber });
    // One report per change of status, in order (passing a step does not change the status).
    expect(done.history.map((report) => report.status)).toEqual([
      ApplicationStatus.Submitted,
      ApplicationStatus.Accepted,
      ApplicationStatus.Approved,
      ApplicationStatus.Completed,
    ]);

    // Tenancy: the intake is Shehong's; Suining staff cannot read it, by path or in the database.
    expect((await t.http.get(`${intakes('510981')}/${intake.id}`, { token: suiningClerk })).status).toBe(403);
    const db = await connectAsRuntimeRole();
    try {
      const seen = await db.asTenant('510900', (c) => c.query('SELECT count(*)::int AS n FROM counter_intakes WHERE id = $1', [intake.id]));
      expect(seen.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  }, STORY_TIMEOUT);

  it('tells the counter what the one-time notice asks for when the handling centre returns the case', async () => {
    const item = await guide('510900', FOOD);
    const { intake, clerk } = await startIntake('510981', '510900', item);
    const scanned = await scanAll('510981', intake, item, clerk);
    // One original did not match: the check is left to the item's own check point.
    const [first, ...rest] = scanned.materials;
    const originals = [
      { code: first.code, version: first.version, result: 'mismatch', note: '复印件与原件印章不一致' },
      ...rest.map((m) => ({ code: m.code, version: m.version, result: 'match' })),
    ];
    kit.expectOk(await t.http.post<CounterIntakeView>(`${intakes('510981')}/${intake.id}/forward`, { identityChecked: true, originals }, { token: clerk }));
    await deliverRoutedMessages(t);
    const received = kit.expectOk(await t.http.get<CounterIntakeView>(`${intakes('510981')}/${intake.id}`, { token: clerk }));
    const summary = await caseAt('510900', received.caseNumber ?? '');
    const suiningClerk = await kit.staff('510900', 'clerk');
    const handled = await kit.view({ centreCode: '510900', id: summary?.id ?? '' }, suiningClerk);
    expect(handled.originalsVerified).toBe(false);
    // Matching originals count as seen (trust level B); the mismatched one stays a plain copy (C).
    const db = await connectAsRuntimeRole();
    try {
      const levels = await db.asTenant('510900', (c) => c.query('SELECT material_code, trust_level FROM application_materials WHERE application_id = $1', [handled.id]));
      const trust = Object.fromEntries(levels.rows.map((row: { material_code: string; trust_level: string }) => [row.material_code, row.trust_level]));
      expect(trust).toEqual(Object.fromEntries(scanned.materials.map((m) => [m.code, m.code === first.code ? 'C' : 'B'])));
    } finally {
      await db.end();
    }

    kit.expectOk(
      await kit.act(handled, 'pre-review/return', suiningClerk, {
        version: handled.version,
        defects: [{ materialCode: first.code, kind: 'inconsistent', explanation: '请提供与原件一致的复印件' }],
      }),
    );
    await deliverRoutedMessages(t);
    const returned = kit.expectOk(await t.http.get<CounterIntakeView>(`${intakes('510981')}/${intake.id}`, { token: clerk }));
    expect(returned.handlingStatus).toBe(ApplicationStatus.Returned);
    expect(returned.lastNote).toContain('请提供与原件一致的复印件');
    expect(returned.awaitingCorrection).toBe(true);

    // 代收补正: the applicant brings a correct copy back to the Shehong counter.
    const allMatch = (materials: CounterIntakeView['materials']) => materials.map((m) => ({ code: m.code, version: m.version, result: 'match' }));
    const supplement = (body: unknown) => t.http.post<CounterIntakeView & ErrorBody>(`${intakes('510981')}/${intake.id}/supplement`, body, { token: clerk });
    const nothingNew = await supplement({ identityChecked: true, originals: allMatch(returned.materials) });
    expect(nothingNew.status).toBe(400);
    expect(nothingNew.body.code).toBe('INTAKE_NOTHING_CORRECTED');
    const fixed = multipartBody({ fileName: 'fixed.pdf', content: samplePdf('corrected copy'), contentType: 'application/pdf' });
    const rescanned = kit.expectOk(
      await t.http.put<CounterIntakeView>(`${intakes('510981')}/${intake.id}/materials/${first.code}`, undefined, { token: clerk, raw: fixed.payload, headers: fixed.headers }),
    );
    const corrected = rescanned.materials.find((m) => m.code === first.code);
    expect(corrected?.version).toBe(2);
    const unchecked = await supplement({ identityChecked: false, originals: allMatch(rescanned.materials) });
    expect(unchecked.body.code).toBe('INTAKE_IDENTITY_NOT_CHECKED');
    const sent = kit.expectOk(await supplement({ identityChecked: true, originals: allMatch(rescanned.materials) }));
    expect(sent).toMatchObject({ status: 'forwarded', awaitingCorrection: false, supplementCount: 1 });
    // A double click sends nothing twice.
    expect(kit.expectOk(await supplement({ identityChecked: true, originals: allMatch(rescanned.materials) })).supplementedAt).toBe(sent.supplementedAt);

    await deliverRoutedMessages(t);
    const resubmitted = await kit.view({ centreCode: '510900', id: handled.id }, suiningClerk);
    expect(resubmitted.status).toBe(ApplicationStatus.Submitted);
    const firstMaterial = resubmitted.materials.find((m) => m.code === first.code);
    expect(firstMaterial?.versions.map((v) => v.sha256)).toEqual([first.sha256, corrected?.sha256]);
    // Only the corrected material got a new version; the others are as they were.
    for (const other of rest) expect(resubmitted.materials.find((m) => m.code === other.code)?.versions).toHaveLength(1);
    const db2 = await connectAsRuntimeRole();
    try {
      const level = await db2.asTenant('510900', (c) =>
        c.query('SELECT trust_level FROM application_materials WHERE application_id = $1 AND material_code = $2 AND sha256 = $3', [handled.id, first.code, corrected?.sha256]),
      );
      expect(level.rows).toEqual([{ trust_level: 'B' }]);
    } finally {
      await db2.end();
    }
    const reported = kit.expectOk(await t.http.get<CounterIntakeView>(`${intakes('510981')}/${intake.id}`, { token: clerk }));
    expect(reported).toMatchObject({ status: 'reported', handlingStatus: ApplicationStatus.Submitted, awaitingCorrection: false });
    expect(reported.history.map((report) => report.status)).toEqual([ApplicationStatus.Submitted, ApplicationStatus.Returned, ApplicationStatus.Submitted]);
    // Not returned any more: neither a rescan nor another correction is taken.
    expect((await supplement({ identityChecked: true, originals: allMatch(reported.materials) })).body.code).toBe('INTAKE_NOT_RETURNED');
    const late = multipartBody({ fileName: 'late.pdf', content: samplePdf('late'), contentType: 'application/pdf' });
    const lateScan = await t.http.put<ErrorBody>(`${intakes('510981')}/${intake.id}/materials/${first.code}`, undefined, { token: clerk, raw: late.payload, headers: late.headers });
    expect(lateScan.status).toBe(409);
  }, STORY_TIMEOUT);

  it('files an item of the counter’s own centre through the same path', async () => {
    const items = kit.expectOk(await t.http.get<PageOf<{ id: string; name: string }>>('/api/v1/centres/510981/items?pageSize=50'));
    const item = await guide('510981', items.items[0]?.name ?? '');
    const { intake, clerk } = await startIntake('510981', '510981', item);
    const scanned = await scanAll('510981', intake, item, clerk);
    kit.expectOk(await t.http.post<CounterIntakeView>(`${intakes('510981')}/${intake.id}/forward`, { identityChecked: true }, { token: clerk }));
    await deliverRoutedMessages(t);
    const received = kit.expectOk(await t.http.get<CounterIntakeView>(`${intakes('510981')}/${intake.id}`, { token: clerk }));
    expect(received.caseNumber).toMatch(/^510981/);
    const summary = await caseAt('510981', received.caseNumber ?? '');
    const handled: ApplicationView = await kit.view({ centreCode: '510981', id: summary?.id ?? '' }, clerk);
    expect(handled.materials.filter((m) => m.versions.length > 0).map((m) => m.code).sort()).toEqual(scanned.materials.map((m) => m.code).sort());
  }, STORY_TIMEOUT);

  it('refuses bad input with a structured error and stores nothing', async () => {
    const item = await guide('510900', FOOD);
    const clerk = await kit.staff('510981', 'clerk');
    const base = { itemCentre: '510900', itemId: item.id, itemName: item.name };
    const idNumber = uniqueResidentIdNumber('510981');
    const badCheckDigit = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...base, applicant: { kind: 'natural_person', name: '王代收', identityNumber: badCheckDigit, mobile: uniqueMobile() } }, 400, 'VALIDATION_FAILED'],
      [{ ...base, itemCentre: '999999', applicant: { kind: 'natural_person', name: '王代收', identityNumber: idNumber, mobile: uniqueMobile() } }, 400, 'INTAKE_CENTRE_UNKNOWN'],
      [{ ...base, itemId: '0190d0a0-0000-7000-8000-000000000000', applicant: { kind: 'natural_person', name: '王代收', identityNumber: idNumber, mobile: uniqueMobile() } }, 404, 'ITEM_NOT_AVAILABLE'],
    ];
    const before = kit.expectOk(await t.http.get<PageOf<CounterIntakeView>>(`${intakes('510981')}?pageSize=1`, { token: clerk })).total;
    for (const [body, status, code] of cases) {
      const response = await t.http.post<ErrorBody>(intakes('510981'), body, { token: clerk });
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(response.body.message.zh).toBeTruthy();
      expect(response.body.message.en).toBeTruthy();
    }
    expect(kit.expectOk(await t.http.get<PageOf<CounterIntakeView>>(`${intakes('510981')}?pageSize=1`, { token: clerk })).total).toBe(before);
    // Only window clerks take intakes.
    const reviewer = await kit.staff('510981', 'reviewer');
    expect((await t.http.post(intakes('510981'), cases[0][0], { token: reviewer })).status).toBe(403);
  }, STORY_TIMEOUT);
});
