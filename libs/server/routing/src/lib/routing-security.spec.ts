import { Module } from '@nestjs/common';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp } from '@zhengwu/server/testing';
import type { Envelope } from '@zhengwu/shared/contracts';
import { createPrivateKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { RejectionReason } from './alerts/routing-alerts';
import { ed25519KeyId } from './keys/key-id';
import { RouteHandler, RouteMessageHandler } from './receiver/route-handler.decorator';
import { ReceiveOptions, RoutingReceiver } from './receiver/routing-receiver';
import { RoutingModule } from './routing.module';
import { NO_CENTRE } from './routing-tenants';
import { counterValue, craftEnvelope, routingTopology, RoutingTopology, verificationRequested } from './testing/routing-test-kit';

// Centres of this file only. "elsewhere" is another deployment of the directory; 513401 is in no deployment.
const HOSTED = '513227';
const HOSTED_TOO = '513228';
const PEER = '513230';
const SHEHONG = '510981';
const UNHOSTED = '513401';
const DAY = 86_400_000;

const calls: Envelope[] = [];

@RouteHandler('verification.requested.v1')
class CountingHandler implements RouteMessageHandler<'verification.requested.v1'> {
  async handle(envelope: Envelope): Promise<void> {
    calls.push(envelope);
  }
}

@Module({ providers: [CountingHandler] })
class TestHandlers {}

describe('a receiver refuses what it must not apply, and records why', () => {
  let topology: RoutingTopology;
  let retiredKey: KeyObject;
  let db: RuntimeConnection;
  let app: TestApp;
  let receiver: RoutingReceiver;
  let registry: Registry;
  const stranger = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    const deployments = [
      { id: 'sec', hostedTenants: `${HOSTED},${HOSTED_TOO}` },
      { id: 'elsewhere', hostedTenants: `510000,${SHEHONG},${PEER}` },
    ];
    // Keys issued 30 days ago; the peer's key replaced 20 days ago, the old one valid one day longer.
    const issued = routingTopology(deployments, { now: new Date(Date.now() - 30 * DAY) });
    const peerKeyPath = join(issued.keys.centreKeysDirs['elsewhere'] as string, `${PEER}.pem`);
    retiredKey = createPrivateKey(readFileSync(peerKeyPath));
    unlinkSync(peerKeyPath);
    topology = routingTopology(deployments, { dir: issued.dir, now: new Date(Date.now() - 20 * DAY), rotationOverlapMs: DAY });

    db = await connectAsRuntimeRole();
    app = await createTestApp({ imports: [RoutingModule, TestHandlers], hostedTenants: `${HOSTED},${HOSTED_TOO}`, deploymentId: 'sec', env: topology.env('sec') });
    receiver = app.app.get(RoutingReceiver);
    registry = app.app.get(Registry);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.end();
    topology.remove();
  });
  beforeEach(() => {
    calls.length = 0;
  });

  const fromPeer = (fields: Partial<Envelope> = {}, key: KeyObject = topology.privateKeyOf(PEER)) =>
    craftEnvelope(key, { type: 'verification.requested.v1', from: PEER, to: HOSTED, payload: verificationRequested(PEER), ...fields });

  async function inboxCount(): Promise<number> {
    let total = 0;
    for (const centre of [HOSTED, HOSTED_TOO]) {
      const { rows } = await db.asTenant(centre, (c) => c.query('SELECT count(*)::int AS n FROM routing_inbox WHERE tenant_id = $1', [centre]));
      total += rows[0].n as number;
    }
    return total;
  }

  async function expectRefused(input: unknown, reason: RejectionReason, tenant: string, options?: ReceiveOptions) {
    const before = { counted: await counterValue(registry, 'zhengwu_routing_rejections_total', { reason }), inbox: await inboxCount() };
    expect(await receiver.receive(input, options)).toBe('rejected');

    expect(await counterValue(registry, 'zhengwu_routing_rejections_total', { reason })).toBe(before.counted + 1);
    expect(await inboxCount()).toBe(before.inbox);
    expect(calls).toEqual([]);
    const raw = typeof input === 'string' ? input : JSON.stringify(input);
    const rejections = await db.asTenant(tenant, (c) =>
      c.query('SELECT id, reason, envelope_id, detail FROM routing_rejections WHERE raw = $1 ORDER BY created_at', [raw]),
    );
    expect(rejections.rows).toEqual([expect.objectContaining({ reason })]);
    const envelopeId = rejections.rows[0].envelope_id as string | null;
    if (envelopeId) {
      const alerts = await db.asTenant(tenant, (c) => c.query('SELECT kind, detail FROM routing_alerts WHERE envelope_id = $1', [envelopeId]));
      expect(alerts.rows).toEqual([{ kind: 'envelope.rejected', detail: expect.stringContaining(reason) }]);
    }
    return rejections.rows[0] as { detail: string };
  }

  it('applies a proper envelope (the baseline every refusal below departs from)', async () => {
    expect(await receiver.receive(fromPeer())).toBe('applied');
    expect(calls).toHaveLength(1);
  });

  it('refuses a forged signature', async () => {
    // Signed with Shehong's key but claiming to be the peer's.
    const forged = fromPeer({ keyId: ed25519KeyId(topology.privateKeyOf(PEER)) }, topology.privateKeyOf(SHEHONG));
    await expectRefused(forged, 'bad_signature', HOSTED);
    const tampered = fromPeer();
    (tampered.payload as { limitWorkingDays: number }).limitWorkingDays = 30;
    await expectRefused(tampered, 'bad_signature', HOSTED);
  });

  it('refuses an unknown sender and an unknown key', async () => {
    await expectRefused(fromPeer({ from: UNHOSTED }, stranger.privateKey), 'unknown_sender', HOSTED);
    await expectRefused(fromPeer({}, stranger.privateKey), 'unknown_key', HOSTED);
  });

  it('refuses a retired key: expired now, and not valid when the envelope claims to be made', async () => {
    const madeWhileValid = new Date(Date.now() - 19.5 * DAY).toISOString();
    await expectRefused(fromPeer({ createdAt: madeWhileValid }, retiredKey), 'key_expired', HOSTED);
    await expectRefused(fromPeer({}, retiredKey), 'key_not_valid_at_creation', HOSTED);
  });

  it('refuses a centre sending a type it may not send: directory.updated.v1 from Shehong', async () => {
    const update = craftEnvelope(topology.privateKeyOf(SHEHONG), { type: 'directory.updated.v1', from: SHEHONG, to: HOSTED, payload: topology.keys.directory });
    const { detail } = await expectRefused(update, 'not_allowed', HOSTED);
    expect(detail).toBe(`centre ${SHEHONG} may not send directory.updated.v1 to ${HOSTED}`);
  });

  it('refuses a replayed old envelope, and one from the future', async () => {
    await expectRefused(fromPeer({ createdAt: new Date(Date.now() - 8 * DAY).toISOString() }), 'stale', HOSTED);
    await expectRefused(fromPeer({ createdAt: new Date(Date.now() + 10 * 60_000).toISOString() }), 'from_future', HOSTED);
  });

  it('refuses an envelope for a centre no deployment hosts, filed under no centre', async () => {
    const stray = fromPeer({ to: UNHOSTED });
    const rejection = await expectRefused(stray, 'not_hosted', NO_CENTRE);
    expect(rejection.detail).toContain(`no deployment of the directory hosts centre ${UNHOSTED}`);
    // Invisible to every centre, the one it claimed included.
    const seen = await db.asTenant(HOSTED, (c) => c.query('SELECT count(*)::int AS n FROM routing_rejections WHERE envelope_id = $1', [stray.id]));
    expect(seen.rows[0].n).toBe(0);
  });

  it('ignores, without a record, an envelope for a centre another deployment hosts', async () => {
    const before = await counterValue(registry, 'zhengwu_routing_received_total', { outcome: 'not_for_us' });
    const theirs = craftEnvelope(topology.privateKeyOf(HOSTED), { type: 'verification.requested.v1', from: HOSTED, to: PEER, payload: verificationRequested() });
    expect(await receiver.receive(theirs)).toBe('not_for_us');
    expect(await counterValue(registry, 'zhengwu_routing_received_total', { outcome: 'not_for_us' })).toBe(before + 1);
    const recorded = await db.asTenant(NO_CENTRE, (c) => c.query('SELECT count(*)::int AS n FROM routing_rejections WHERE envelope_id = $1', [theirs.id]));
    expect(recorded.rows[0].n).toBe(0);
  });

  it('refuses malformed envelopes, an invalid payload, a misaddressed delivery and a type nobody handles here', async () => {
    await expectRefused('{"not": "an envelope"', 'malformed', NO_CENTRE);
    await expectRefused({ ...fromPeer(), note: 'smuggled' }, 'malformed', HOSTED);
    const invalid = fromPeer({ payload: { ...verificationRequested(), materials: [] } as never });
    const { detail } = await expectRefused(invalid, 'invalid_payload', HOSTED);
    expect(detail).toContain('materials');
    await expectRefused(fromPeer(), 'malformed', HOSTED, { transport: 'nats', addressedTo: { to: HOSTED_TOO, type: 'verification.requested.v1' } });
    const status = craftEnvelope(topology.privateKeyOf(PEER), {
      type: 'application.status.v1',
      from: PEER,
      to: HOSTED_TOO,
      payload: { intakeId: '0190f3a2-7b1c-7d4e-8f00-123456789abc', status: 30, at: new Date().toISOString() },
    });
    await expectRefused(status, 'no_handler', HOSTED_TOO);
  });
});
