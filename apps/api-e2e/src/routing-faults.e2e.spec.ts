import { ApiDeployment, ApiDeployments, prepareApiDeployments } from '@zhengwu/server/e2e-deployments';
import {
  multipartBody,
  PrivateNatsServer,
  samplePdf,
  startPrivateNatsServer,
  uniqueMobile,
  uniqueResidentIdNumber,
} from '@zhengwu/server/testing';
import type { ChainVerificationView, CounterIntakeView, ItemGuide, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const TIMEOUT = 600_000;
const PASSWORD = 'Zhengwu@2026';
const ITERATIONS = 20;
const INTAKES_PER_ITERATION = 2;
/** FAULT_SEED=<n> replays a failing run's kill points exactly. */
const SEED = Number(process.env['FAULT_SEED'] ?? 20261127);

/** mulberry32: a small seeded generator, so the kill points are the same on every run of a seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Exactly once when the receiving deployment dies: the Shehong counter (county deployment) keeps
 * forwarding walk-in intakes to Suining (city deployment) while the city's process is killed with
 * SIGKILL at seeded random points of delivery, and started again. Nothing may be lost (every intake
 * becomes a case and its number comes back) and nothing applied twice (one case per intake, one
 * inbox row per envelope, one "submitted" report per intake, an intact event chain).
 */
describe(`routing survives the receiving deployment being killed (seed ${SEED})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-faults-'));
  chmodSync(dataDir, 0o755);
  let nats: PrivateNatsServer;
  let setup: ApiDeployments;
  let county: ApiDeployment;
  let city: ApiDeployment;

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    setup = await prepareApiDeployments({
      specs: [
        { id: 'county', hostedTenants: '510981' },
        { id: 'city', hostedTenants: '510900' },
      ],
      natsUrl: nats.url,
      dataDir,
      // A killed receiver gets its unacknowledged envelopes again after 1 s, not the default 30 s,
      // and the outbox rows its relay had claimed (its status reports) after 5 s, not 5 min.
      env: { ROUTING_ACK_WAIT_MS: '1000', ROUTING_RELAY_LEASE_MS: '5000', ROUTING_RETRY_BASE_MS: '200', ROUTING_RETRY_MAX_MS: '2000', ROUTING_MAX_ATTEMPTS: '50' },
    });
    county = setup.deployments.get('county') as ApiDeployment;
    city = setup.deployments.get('city') as ApiDeployment;
    await Promise.all([county.start(), city.start()]);
  }, TIMEOUT);

  afterAll(async () => {
    await setup?.remove();
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, TIMEOUT);

  async function call<T>(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer } = {}): Promise<T> {
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
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const login = async (deployment: ApiDeployment, centreCode: string, username: string) =>
    (await call<StaffTokenResponse>(`${deployment.baseUrl}/api/v1/auth/staff/login`, { body: { centreCode, username, password: PASSWORD } })).accessToken;

  async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 120_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (accept(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 800)}\ncity output:\n${city.output().slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function count(deployment: ApiDeployment, sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
    const client = new Client({ connectionString: deployment.adminDatabaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  it(`loses nothing and applies nothing twice over ${ITERATIONS} kills of the receiver`, async () => {
    const random = seededRandom(SEED);
    const clerk = await login(county, '510981', 'clerk');
    const intakesUrl = `${county.baseUrl}/api/v1/centres/510981/counter-intakes`;
    const items = await call<{ items: Array<{ id: string; name: string }> }>(`${city.baseUrl}/api/v1/centres/510900/items?q=${encodeURIComponent('食品经营许可（新办）')}`);
    const item = await call<ItemGuide>(`${city.baseUrl}/api/v1/centres/510900/items/${items.items[0]?.id}`);
    const material = item.materials.find((m) => m.required) ?? item.materials[0];
    const sent: string[] = [];

    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      for (let n = 0; n < INTAKES_PER_ITERATION; n++) {
        const intake = await call<CounterIntakeView>(intakesUrl, {
          token: clerk,
          body: { itemCentre: '510900', itemId: item.id, itemName: item.name, applicant: { kind: 'natural_person', name: '故障测试', identityNumber: uniqueResidentIdNumber('510981'), mobile: uniqueMobile() } },
        });
        const { payload, headers } = multipartBody({ fileName: 'scan.pdf', content: samplePdf(`fault-${iteration}-${n}`), contentType: 'application/pdf' });
        await call(`${intakesUrl}/${intake.id}/materials/${material?.code}`, { method: 'PUT', token: clerk, raw: payload, headers });
        await call(`${intakesUrl}/${intake.id}/forward`, { token: clerk, body: { identityChecked: true } });
        sent.push(intake.id);
      }
      // Somewhere in the delivery of what was just sent (or of the redeliveries before it).
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 800)));
      await city.kill();
      await city.start();
    }

    // Nothing lost: every intake's case number comes back to the counter.
    const reported = await eventually(
      async () => {
        const views: CounterIntakeView[] = [];
        for (const id of sent) views.push(await call<CounterIntakeView>(`${intakesUrl}/${id}`, { token: clerk }));
        return views;
      },
      (views) => views.every((view) => view.caseNumber !== null),
      `all ${sent.length} intakes to come back with a case number`,
    );
    // Nothing applied twice: one "submitted" report per intake, one case per intake, one inbox row per envelope.
    for (const view of reported) expect(view.history.filter((report) => report.status === 12)).toHaveLength(1);
    expect(new Set(reported.map((view) => view.caseNumber)).size).toBe(sent.length);
    const cases = await count(city, 'SELECT counter_intake_id, count(*)::int AS n FROM applications WHERE counter_intake_id = ANY($1::uuid[]) GROUP BY 1', [sent]);
    expect(cases).toHaveLength(sent.length);
    expect(cases.every((row) => row['n'] === 1)).toBe(true);
    const inbox = await count(city, "SELECT status, count(*)::int AS n FROM routing_inbox WHERE type = 'application.forwarded.v1' GROUP BY status", []);
    expect(inbox).toEqual([{ status: 'applied', n: sent.length }]);
    // The city's hash-chained event log survived every kill intact.
    const supervisor = await login(city, '510900', 'supervisor');
    const chain = await call<ChainVerificationView>(`${city.baseUrl}/api/v1/centres/510900/events/verification`, { token: supervisor });
    expect(chain.ok).toBe(true);
  }, TIMEOUT);
});
