import { UnitOfWork } from '@zhengwu/server/core/database';
import { MaterialStore } from '@zhengwu/server/storage';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp, testDatabaseFromEnv } from '@zhengwu/server/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { Objm } from '@nats-io/obj';
import { connect } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Registry } from 'prom-client';
import { MaterialTransfer } from './materials/material-transfer';
import { RoutedOutbox } from './outbox/routed-outbox';
import { RoutingModule } from './routing.module';
import { callsById, recorded, RecordingHandlers } from './testing/recording-handler';
import { counterValue, eventually, routingSettingsModule, routingTopology, RoutingTopology, verificationRequested } from './testing/routing-test-kit';

// Two deployments on the machine's NATS (127.0.0.1:4222), with a stream, subject prefix, bucket
// and consumers of this run only, deleted afterwards. A hosts one centre, B two.
const NATS_URL = 'nats://127.0.0.1:4222';
const A_CENTRE = '513331';
const B_CENTRES = ['513332', '513333'];
const run = randomBytes(4).toString('hex');
const names = { stream: `ROUTES_TEST_${run}`, prefix: `route_test_${run}`, bucket: `MATERIALS_TEST_${run}` };
const A = `nats-a-${run}`;
const B = `nats-b-${run}`;

describe('routing between two deployments over NATS JetStream', () => {
  let topology: RoutingTopology;
  let db: RuntimeConnection;
  let a: TestApp;
  let b: TestApp;

  const deployment = (id: string, hosted: string) =>
    createTestApp({
      imports: [routingSettingsModule({ intervalMs: 25, fetchExpiresMs: 1000, ackWaitMs: 2000, publishTimeoutMs: 2000 }), RoutingModule, RecordingHandlers],
      hostedTenants: hosted,
      deploymentId: id,
      env: {
        ...topology.env(id),
        WORKERS_ENABLED: 'true',
        ROUTING_TRANSPORT: 'nats',
        NATS_URL,
        ROUTING_STREAM: names.stream,
        ROUTING_SUBJECT_PREFIX: names.prefix,
        ROUTING_OBJECT_BUCKET: names.bucket,
        ROUTING_RETRY_BASE_MS: '100',
        ROUTING_RETRY_MAX_MS: '1000',
        MATERIAL_STORE_DIR: join(testDatabaseFromEnv().keysDir, `materials-${id}`),
      },
    });

  beforeAll(async () => {
    topology = routingTopology([
      { id: A, hostedTenants: A_CENTRE },
      { id: B, hostedTenants: B_CENTRES.join(',') },
    ]);
    db = await connectAsRuntimeRole();
    a = await deployment(A, A_CENTRE);
    b = await deployment(B, B_CENTRES.join(','));
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db.end();
    topology.remove();
    const nc = await connect({ servers: NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.delete(names.stream).catch(() => false);
      await (await new Objm(nc).open(names.bucket)).destroy().catch(() => false);
    } finally {
      await nc.close();
    }
  }, 30_000);
  beforeEach(() => {
    recorded.calls = [];
  });

  const send = (app: TestApp, from: string, to: string) =>
    app.app.get(UnitOfWork).run({ tenantId: from }, () =>
      app.app.get(RoutedOutbox).send(from, { type: 'verification.requested.v1', to, payload: verificationRequested(from) }),
    );

  async function inbox(centre: string, id: string): Promise<string[]> {
    const { rows } = await db.asTenant(centre, (c) => c.query('SELECT status FROM routing_inbox WHERE envelope_id = $1', [id]));
    return rows.map((row: { status: string }) => row.status);
  }

  it('applies a message from a centre of A once at B, and B’s answer once at A', async () => {
    const there = await send(a, A_CENTRE, B_CENTRES[0] as string);
    expect(await eventually(() => inbox(B_CENTRES[0] as string, there.id), (rows) => rows.length > 0)).toEqual(['applied']);

    const notForB = await counterValue(b.app.get(Registry), 'zhengwu_routing_received_total', { outcome: 'not_for_us' });
    const back = await send(b, B_CENTRES[1] as string, A_CENTRE);
    expect(await eventually(() => inbox(A_CENTRE, back.id), (rows) => rows.length > 0)).toEqual(['applied']);
    // B hosts two centres, so (on nats-server 2.9) its consumer reads every subject and skips A's.
    expect(
      await eventually(
        () => counterValue(b.app.get(Registry), 'zhengwu_routing_received_total', { outcome: 'not_for_us' }),
        (count) => count > notForB,
      ),
    ).toBeGreaterThan(notForB);
    expect(callsById()).toEqual(new Map([[there.id, 1], [back.id, 1]]));

    const nc = await connect({ servers: NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      expect((await jsm.consumers.info(names.stream, `routing-${A}`)).config.filter_subject).toBe(`${names.prefix}.${A_CENTRE}.>`);
      expect((await jsm.consumers.info(names.stream, `routing-${B}`)).config.filter_subject).toBe(`${names.prefix}.>`);
    } finally {
      await nc.close();
    }
  });

  it('reports NATS in /health', async () => {
    const health = await a.http.get<{ checks: Record<string, { status: string }> }>('/health');
    expect(health.body.checks['nats']).toEqual(expect.objectContaining({ status: 'ok' }));
  });

  it('carries material bytes through the object store, re-hashed on arrival', async () => {
    const stored = await a.app.get(MaterialStore).put(Readable.from(samplePdf()), { maxBytes: 1 << 20 });
    expect(await a.app.get(MaterialTransfer).offer([stored.sha256])).toEqual([stored.sha256]);
    expect(await a.app.get(MaterialTransfer).offer([stored.sha256])).toEqual([]);

    const store = b.app.get(MaterialStore);
    expect(store.has(stored.sha256)).toBe(false);
    expect(await b.app.get(MaterialTransfer).fetch(stored.sha256, B_CENTRES[0])).toMatchObject({ sha256: stored.sha256, mediaType: 'application/pdf' });
    expect(await read(store.open(stored.sha256))).toEqual(await read(a.app.get(MaterialStore).open(stored.sha256)));
    expect(await b.app.get(MaterialTransfer).fetch(stored.sha256)).toBeUndefined();

    await expect(b.app.get(MaterialTransfer).fetch('e'.repeat(64))).rejects.toMatchObject({ code: 'MATERIAL_NOT_IN_TRANSIT' });
  });

  it('refuses a tampered object in the bucket, alerts, and stores nothing', async () => {
    const genuine = await a.app.get(MaterialStore).put(Readable.from(samplePdf()), { maxBytes: 1 << 20 });
    await a.app.get(MaterialTransfer).offer([genuine.sha256]);
    const forgery = samplePdf();
    const nc = await connect({ servers: NATS_URL });
    try {
      const bucket = await new Objm(nc).open(names.bucket);
      await bucket.putBlob({ name: genuine.sha256 }, forgery);
    } finally {
      await nc.close();
    }

    const centre = B_CENTRES[1] as string;
    await expect(b.app.get(MaterialTransfer).fetch(genuine.sha256, centre)).rejects.toMatchObject({ code: 'MATERIAL_DIGEST_MISMATCH' });
    const store = b.app.get(MaterialStore);
    expect(store.has(genuine.sha256)).toBe(false);
    const { rows } = await db.asTenant(centre, (c) => c.query("SELECT detail FROM routing_alerts WHERE kind = 'material.digest_mismatch' AND detail LIKE $1", [`%${genuine.sha256}%`]));
    expect(rows).toHaveLength(1);
    const forgedSha = (rows[0].detail as string).match(/bytes hash to ([0-9a-f]{64})/)?.[1];
    expect(forgedSha).toMatch(/^[0-9a-f]{64}$/);
    expect(store.has(forgedSha as string)).toBe(false);

    // Offering it again repairs the bucket: the stored digest no longer matches the name.
    expect(await a.app.get(MaterialTransfer).offer([genuine.sha256])).toEqual([genuine.sha256]);
    expect(await b.app.get(MaterialTransfer).fetch(genuine.sha256, centre)).toMatchObject({ sha256: genuine.sha256 });
  });
});

/** A small genuine PDF with unique content. */
function samplePdf(): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${randomBytes(16).toString('hex')}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
