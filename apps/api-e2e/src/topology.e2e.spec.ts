import {
  freePortRun,
  multipartBody,
  PlatformProcess,
  PrivateNatsServer,
  samplePdf,
  startPlatform,
  startPrivateNatsServer,
  testDatabaseFromEnv,
  TOPOLOGY_RUNNER,
  uniqueMobile,
  uniqueResidentIdNumber,
  dropDatabaseOnTestServer,
} from '@zhengwu/server/testing';
import type {
  ApplicantTokenResponse,
  ApplicationSummary,
  ApplicationView,
  CounterIntakeView,
  ItemGuide,
  PageOf,
  StaffTokenResponse,
  VerificationTaskView,
} from '@zhengwu/shared/contracts';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const TIMEOUT = 180_000;
const PASSWORD = 'Zhengwu@2026';

/**
 * `npm run topology` (after its build step): province, city and county deployments with their own
 * databases, joined by NATS JetStream (a private nats-server here). The seed story crosses them: a
 * Shehong resident signs up at the province (identity issuer), applies to a Suining item at the
 * city deployment, and the county deployment checks the originals; the signed attestation travels
 * back and the city completes the case.
 */
describe('the three-deployment topology', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-topology-'));
  chmodSync(dataDir, 0o755);
  const prefix = `topo_${Date.now()}`;
  let nats: PrivateNatsServer;
  let topology: PlatformProcess;
  let base: { province: string; city: string; county: string };

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    const basePort = (await freePortRun(3)) - 1;
    base = { province: `http://127.0.0.1:${basePort + 1}`, city: `http://127.0.0.1:${basePort + 2}`, county: `http://127.0.0.1:${basePort + 3}` };
    const admin = new URL(testDatabaseFromEnv().adminUrl);
    topology = await startPlatform(
      {
        DATABASE_URL: admin.toString(),
        NATS_URL: nats.url,
        TOPOLOGY_BASE_PORT: String(basePort),
        TOPOLOGY_DB_PREFIX: prefix,
        ZHENGWU_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ZHENGWU_SERVE_WEB: 'false',
      },
      basePort + 1,
      TOPOLOGY_RUNNER,
      TIMEOUT - 10_000,
    );
  }, TIMEOUT);

  afterAll(async () => {
    await topology?.interrupt();
    await nats?.stop();
    for (const deployment of ['province', 'city', 'county']) await dropDatabaseOnTestServer(`${prefix}_${deployment}`);
    rmSync(dataDir, { recursive: true, force: true });
  }, TIMEOUT);

  async function call<T>(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer } = {}): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    let body: BodyInit | undefined;
    if (init.raw) body = new Uint8Array(init.raw);
    else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const response = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    const text = await response.text();
    return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  }

  function ok<T>(response: { status: number; body: T }, status = 200): T {
    if (response.status !== status) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function staff(deployment: string, centreCode: string, username: string): Promise<string> {
    return ok(await call<StaffTokenResponse>(`${deployment}/api/v1/auth/staff/login`, { body: { centreCode, username, password: PASSWORD } })).accessToken;
  }

  /** Waits for a condition driven by the deployments' background loops (routing relay, consumer). */
  async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = await probe();
      if (accept(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Applies at `deployment` for `itemName` at `centre`, and takes the case through approval. */
  async function approvedCase(deployment: string, centre: string, itemName: string, applicantToken: string): Promise<ApplicationView> {
    const items = ok(await call<{ items: Array<{ id: string; name: string }> }>(`${deployment}/api/v1/centres/${centre}/items?q=${encodeURIComponent(itemName)}`));
    const itemId = items.items.find((item) => item.name === itemName)?.id;
    const draft = ok(await call<ApplicationView>(`${deployment}/api/v1/centres/${centre}/applications`, { token: applicantToken, body: { itemId } }), 201);
    expect(draft.verificationCentre).toBe('510981');
    for (const material of draft.materials.filter((m) => m.required)) {
      const { payload, headers } = multipartBody({ fileName: `${material.code}.pdf`, content: samplePdf(`${centre}-${material.code}`), contentType: 'application/pdf' });
      ok(await call(`${deployment}/api/v1/centres/${centre}/applications/${draft.id}/materials/${material.code}`, { method: 'PUT', token: applicantToken, raw: payload, headers }));
    }
    let current = ok(
      await call<ApplicationView>(`${deployment}/api/v1/centres/${centre}/applications/${draft.id}/submit`, {
        token: applicantToken,
        method: 'POST',
        headers: { 'idempotency-key': `topology-${draft.id}` },
      }),
    );
    const act = async (path: string, token: string) =>
      (current = ok(await call<ApplicationView>(`${deployment}/api/v1/centres/${centre}/applications/${draft.id}/${path}`, { token, body: { version: current.version } })));
    await act('pre-review/accept', await staff(deployment, centre, 'clerk'));
    while (current.currentStep && current.currentStep.post !== 'approver') {
      await act('steps/pass', await staff(deployment, centre, current.currentStep.post === 'window_clerk' ? 'clerk' : 'reviewer'));
    }
    await act('decision/approve', await staff(deployment, centre, 'approver'));
    expect(current.status).toBe(50);
    return current;
  }

  /** The county clerk finds the routed check, opens a copy (fetched over NATS) and attests a full match. */
  async function checkAtShehong(caseNumber: string): Promise<void> {
    const clerk = await staff(base.county, '510981', 'clerk');
    const task = await eventually(
      async () => ok(await call<PageOf<VerificationTaskView>>(`${base.county}/api/v1/centres/510981/verification-tasks?pageSize=100`, { token: clerk })).items.find((t) => t.caseNumber === caseNumber),
      (found) => found !== undefined,
      `the check of ${caseNumber} at Shehong`,
    );
    if (!task) throw new Error('unreachable');
    const copy = await call<string>(`${base.county}/api/v1/centres/510981/verification-tasks/${task.id}/copies/${task.materials[0].sha256}`, { token: clerk });
    expect(copy.status).toBe(200);
    expect(String(copy.body).startsWith('%PDF')).toBe(true);
    ok(
      await call(`${base.county}/api/v1/centres/510981/verification-tasks/${task.id}/complete`, {
        token: clerk,
        body: { materials: task.materials.map((m) => ({ code: m.code, version: m.version, result: 'match' })), identityChecked: true, custody: 'returned_to_applicant' },
      }),
    );
  }

  it('runs the seed story across the three deployments', async () => {
    // Applicant accounts live at the province (the identity issuer) only.
    const registered = ok(
      await call<ApplicantTokenResponse>(`${base.province}/api/v1/auth/applicants/register/natural-person`, {
        body: { name: '射洪申请人', idNumber: uniqueResidentIdNumber('510981'), mobile: uniqueMobile(), password: 'Applicant-Pass-1' },
      }),
      201,
    );
    const elsewhere = await call(`${base.city}/api/v1/auth/applicants/login`, { body: { identifier: '13800138000', password: PASSWORD } });
    expect(elsewhere.status).toBe(404);
    const directory = ok(await call<{ self: string; identityIssuer: string; centres: Array<{ code: string; deploymentId: string }> }>(`${base.county}/api/v1/directory`));
    expect(directory.identityIssuer).toBe('province');
    expect(directory.self).toBe('county');
    expect(directory.centres.find((c) => c.code === '510900')?.deploymentId).toBe('city');

    // The city deployment accepts the province's applicant token and decides the case.
    const approved = await approvedCase(base.city, '510900', '食品经营许可（新办）', registered.accessToken);
    await checkAtShehong(approved.caseNumber ?? '');
    const completed = await eventually(
      async () => ok(await call<ApplicationView>(`${base.city}/api/v1/centres/510900/applications/${approved.id}`, { token: registered.accessToken })),
      (view) => view.status === 90,
      'the Suining case to complete',
    );
    expect(completed).toMatchObject({ resultType: 'certificate_issued', originalsVerified: true });
    expect(completed.originalsChecks[0]).toMatchObject({ verifyingCentre: '510981', status: 'matched' });

    // A province case checked at the same county.
    const provincial = await approvedCase(base.province, '510000', '保健食品生产许可', registered.accessToken);
    await checkAtShehong(provincial.caseNumber ?? '');
    await eventually(
      async () => ok(await call<ApplicationView>(`${base.province}/api/v1/centres/510000/applications/${provincial.id}`, { token: registered.accessToken })).status,
      (status) => status === 90,
      'the province case to complete',
    );

    // 我的办件: each deployment answers with the cases it holds, for the same applicant token; the
    // portal asks every deployment of the directory and merges (ApplicantCasesApi).
    const held = async (deployment: string) =>
      ok(await call<PageOf<ApplicationSummary>>(`${deployment}/api/v1/me/applications`, { token: registered.accessToken })).items.map((item) => item.id);
    expect(await held(base.city)).toEqual([approved.id]);
    expect(await held(base.province)).toEqual([provincial.id]);
    expect(await held(base.county)).toEqual([]);

    // Staff tokens are valid only at their own deployment.
    const cityClerk = await staff(base.city, '510900', 'clerk');
    expect((await call(`${base.county}/api/v1/centres/510981/verification-tasks`, { token: cityClerk })).status).toBe(401);
  }, TIMEOUT);
  it('takes a walk-in application at the Shehong counter for a Suining item and reports its status back down', async () => {
    // The county counter reads the city's public guide (as the workbench does, across deployments).
    const items = ok(await call<{ items: Array<{ id: string; name: string }> }>(`${base.city}/api/v1/centres/510900/items?q=${encodeURIComponent('食品经营许可（新办）')}`));
    const itemId = items.items[0]?.id ?? '';
    const item = ok(await call<ItemGuide>(`${base.city}/api/v1/centres/510900/items/${itemId}`));
    const counter = await staff(base.county, '510981', 'clerk');
    const intakes = `${base.county}/api/v1/centres/510981/counter-intakes`;
    const intake = ok(
      await call<CounterIntakeView>(intakes, {
        token: counter,
        body: { itemCentre: '510900', itemId, itemName: item.name, applicant: { kind: 'natural_person', name: '窗口申请人', identityNumber: uniqueResidentIdNumber('510981'), mobile: uniqueMobile() } },
      }),
      201,
    );
    for (const material of item.materials.filter((m) => m.required)) {
      const { payload, headers } = multipartBody({ fileName: `${material.code}.pdf`, content: samplePdf(`walk-in-${material.code}`), contentType: 'application/pdf' });
      ok(await call(`${intakes}/${intake.id}/materials/${material.code}?name=${encodeURIComponent(material.name)}`, { method: 'PUT', token: counter, raw: payload, headers }));
    }
    const scanned = ok(await call<CounterIntakeView>(`${intakes}/${intake.id}`, { token: counter }));
    ok(
      await call(`${intakes}/${intake.id}/forward`, {
        token: counter,
        body: { identityChecked: true, originals: scanned.materials.map((m) => ({ code: m.code, version: m.version, result: 'match' })) },
      }),
    );
    // The case appears at the city with the scans fetched over NATS; its number comes back down.
    const received = await eventually(
      async () => ok(await call<CounterIntakeView>(`${intakes}/${intake.id}`, { token: counter })),
      (view) => view.caseNumber !== null,
      'the case number to come back to Shehong',
    );
    const cityClerk = await staff(base.city, '510900', 'clerk');
    const inbox = ok(await call<PageOf<ApplicationSummary>>(`${base.city}/api/v1/centres/510900/inbox?post=window_clerk&pageSize=100`, { token: cityClerk }));
    const summary = inbox.items.find((candidate) => candidate.caseNumber === received.caseNumber);
    expect(summary).toBeDefined();
    const caseUrl = `${base.city}/api/v1/centres/510900/applications/${summary?.id}`;
    let current = ok(await call<ApplicationView>(caseUrl, { token: cityClerk }));
    expect(current).toMatchObject({ receivingCentre: '510981', originalsVerified: true });
    const copy = await call<string>(`${caseUrl}/materials/${current.materials.find((m) => m.versions.length > 0)?.code}/versions/1`, { token: cityClerk });
    expect(String(copy.body).startsWith('%PDF')).toBe(true);
    const act = async (path: string, token: string) => (current = ok(await call<ApplicationView>(`${caseUrl}/${path}`, { token, body: { version: current.version } })));
    await act('pre-review/accept', cityClerk);
    while (current.currentStep && current.currentStep.post !== 'approver') {
      await act('steps/pass', await staff(base.city, '510900', current.currentStep.post === 'window_clerk' ? 'clerk' : 'reviewer'));
    }
    const approver = await staff(base.city, '510900', 'approver');
    await act('decision/approve', approver);
    await act('complete', approver);
    expect(current.status).toBe(90);
    const done = await eventually(
      async () => ok(await call<CounterIntakeView>(`${intakes}/${intake.id}`, { token: counter })),
      (view) => view.handlingStatus === 90,
      'the completion to reach the Shehong counter',
    );
    expect(done.history.map((report) => report.status)).toEqual([12, 30, 50, 90]);

    // The reconciliation command at the county: every message to and from Suining applied, nothing stuck.
    const command = spawnSync(
      process.execPath,
      [join(dirname(TOPOLOGY_RUNNER), 'reconcile.js'), '--url', base.county, '--centre', '510981', '--username', 'supervisor', '--json'],
      { env: { ...process.env, ZHENGWU_PASSWORD: PASSWORD }, encoding: 'utf8' },
    );
    expect({ status: command.status, stderr: command.stderr }).toEqual({ status: 0, stderr: '' });
    const report = JSON.parse(command.stdout) as { peers: Array<{ peer: string; sent: number; published: number; received: number; applied: number }>; stuck: unknown[] };
    const suining = report.peers.find((peer) => peer.peer === '510900');
    expect(suining).toBeDefined();
    expect(suining?.published).toBe(suining?.sent);
    expect(suining?.applied).toBe(suining?.received);
    expect(suining?.received).toBeGreaterThanOrEqual(4);
    expect(report.stuck).toEqual([]);
  }, TIMEOUT);
});
