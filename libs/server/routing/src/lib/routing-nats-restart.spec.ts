import { UnitOfWork } from '@zhengwu/server/core/database';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp, testDatabaseFromEnv } from '@zhengwu/server/testing';
import type { Envelope } from '@zhengwu/shared/contracts';
import { join } from 'node:path';
import { RoutedOutbox } from './outbox/routed-outbox';
import { RoutingModule } from './routing.module';
import { PrivateNatsServer, startPrivateNatsServer } from '@zhengwu/server/testing';
import { callsById, recorded, RecordingHandlers } from './testing/recording-handler';
import { eventually, routingSettingsModule, routingTopology, RoutingTopology, verificationRequested } from './testing/routing-test-kit';

// A private nats-server this file kills and restarts. A hosts one centre, B two.
const A_CENTRE = '513334';
const B_CENTRES = ['513335', '513336'];

describe('routing over NATS when NATS or a deployment goes away', () => {
  let nats: PrivateNatsServer;
  let topology: RoutingTopology;
  let db: RuntimeConnection;
  const apps = new Set<TestApp>();

  async function deployment(id: 'nats-a' | 'nats-b'): Promise<TestApp> {
    const app = await createTestApp({
      imports: [routingSettingsModule({ intervalMs: 25, fetchExpiresMs: 1000, ackWaitMs: 2000, publishTimeoutMs: 1500 }), RoutingModule, RecordingHandlers],
      hostedTenants: id === 'nats-a' ? A_CENTRE : B_CENTRES.join(','),
      deploymentId: id,
      env: {
        ...topology.env(id),
        WORKERS_ENABLED: 'true',
        ROUTING_TRANSPORT: 'nats',
        NATS_URL: nats.url,
        ROUTING_RETRY_BASE_MS: '100',
        ROUTING_RETRY_MAX_MS: '1000',
        MATERIAL_STORE_DIR: join(testDatabaseFromEnv().keysDir, `materials-${id}-restart`),
      },
    });
    apps.add(app);
    return app;
  }

  async function close(app: TestApp): Promise<void> {
    apps.delete(app);
    await app.close();
  }

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    topology = routingTopology([
      { id: 'nats-a', hostedTenants: A_CENTRE },
      { id: 'nats-b', hostedTenants: B_CENTRES.join(',') },
    ]);
    db = await connectAsRuntimeRole();
  });
  afterAll(async () => {
    await Promise.all([...apps].map((app) => app.close()));
    await db.end();
    await nats.stop();
    topology.remove();
  }, 30_000);
  beforeEach(() => {
    recorded.calls = [];
  });

  const send = (app: TestApp, to: string): Promise<Envelope> =>
    app.app.get(UnitOfWork).run({ tenantId: A_CENTRE }, () =>
      app.app.get(RoutedOutbox).send(A_CENTRE, { type: 'verification.requested.v1', to, payload: verificationRequested(A_CENTRE) }),
    );

  async function published(ids: string[]): Promise<number> {
    const { rows } = await db.asTenant(A_CENTRE, (c) =>
      c.query("SELECT count(*)::int AS n FROM routing_outbox WHERE envelope_id = ANY($1::uuid[]) AND status = 'published'", [ids]),
    );
    return rows[0].n as number;
  }

  async function applied(ids: string[]): Promise<number> {
    let total = 0;
    for (const centre of B_CENTRES) {
      const { rows } = await db.asTenant(centre, (c) =>
        c.query("SELECT count(*)::int AS n FROM routing_inbox WHERE envelope_id = ANY($1::uuid[]) AND status = 'applied'", [ids]),
      );
      total += rows[0].n as number;
    }
    return total;
  }

  async function markers(ids: string[]): Promise<number> {
    let total = 0;
    for (const centre of B_CENTRES) {
      const { rows } = await db.asTenant(centre, (c) =>
        c.query("SELECT count(*)::int AS n FROM routing_alerts WHERE kind = 'test.handled' AND envelope_id = ANY($1::uuid[])", [ids]),
      );
      total += rows[0].n as number;
    }
    return total;
  }

  it('loses nothing and applies nothing twice when NATS crashes and restarts mid-stream', async () => {
    const a = await deployment('nats-a');
    await deployment('nats-b');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push((await send(a, B_CENTRES[i % 2] as string)).id);
      if (i === 9) await eventually(() => applied(ids), (n) => n >= 5);
      if (i === 14) await nats.crashAndRestart();
    }

    expect(await eventually(() => applied(ids), (n) => n === 30, 60_000)).toBe(30);
    expect(await eventually(() => published(ids), (n) => n === 30, 30_000)).toBe(30);
    // Each envelope reached its handler exactly once and left exactly one marker.
    expect([...callsById().entries()].filter(([id]) => ids.includes(id)).every(([, calls]) => calls === 1)).toBe(true);
    expect(callsById().size).toBe(30);
    expect(await markers(ids)).toBe(30);
  }, 120_000);

  it('catches up after a deployment was cut off for a while', async () => {
    for (const app of [...apps]) await close(app);
    const a = await deployment('nats-a');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await send(a, B_CENTRES[i % 2] as string)).id);
    // Published into the stream while B is away; nobody applies them.
    expect(await eventually(() => published(ids), (n) => n === 6)).toBe(6);
    expect(await applied(ids)).toBe(0);

    await deployment('nats-b');
    expect(await eventually(() => applied(ids), (n) => n === 6, 30_000)).toBe(6);
    expect(await markers(ids)).toBe(6);
  }, 60_000);
});
