import { Module } from '@nestjs/common';
import { AccessTokenService } from '@zhengwu/server/core/auth';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp } from '@zhengwu/server/testing';
import { RoutingReconciliationRequested, RoutingReconciliationView, StaffRole } from '@zhengwu/shared/contracts';
import { randomUUID } from 'node:crypto';
import { RoutedOutbox } from '../outbox/routed-outbox';
import { RouteHandler, RouteMessageHandler } from '../receiver/route-handler.decorator';
import { RoutingRelay } from '../relay/routing-relay';
import { RoutingModule } from '../routing.module';
import { routingTopology, RoutingTopology, verificationRequested } from '../testing/routing-test-kit';

const HANDLING = '513225';
const VERIFYING = '513226';
const LOST = '513233';

@RouteHandler('verification.requested.v1')
class AcceptingHandler implements RouteMessageHandler<'verification.requested.v1'> {
  async handle(): Promise<void> {
    // Applying is all these tests need.
  }
}

@Module({ providers: [AcceptingHandler] })
class TestHandlers {}

describe('reconciliation between peer centres', () => {
  let topology: RoutingTopology;
  let db: RuntimeConnection;
  let app: TestApp;

  beforeAll(async () => {
    topology = routingTopology([{ id: 'recon', hostedTenants: `${HANDLING},${VERIFYING},${LOST}` }]);
    db = await connectAsRuntimeRole();
    app = await createTestApp({ imports: [RoutingModule, TestHandlers], hostedTenants: `${HANDLING},${VERIFYING},${LOST}`, deploymentId: 'recon', env: topology.env('recon') });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.end();
    topology.remove();
  });

  async function supervisorOf(centre: string, roles: StaffRole[] = [StaffRole.Supervisor]): Promise<string> {
    return (await app.app.get(AccessTokenService).issue(randomUUID(), { kind: 'staff', name: '督察员', tid: centre, roles })).token;
  }

  const send = (from: string, to: string) =>
    app.app.get(UnitOfWork).run({ tenantId: from }, () =>
      app.app.get(RoutedOutbox).send(from, { type: 'verification.requested.v1', to, payload: verificationRequested(from) }),
    );
  const relay = () => app.app.get(RoutingRelay).relayOnce();
  const view = async (centre: string, query = '') =>
    app.http.get<RoutingReconciliationView>(`/api/v1/centres/${centre}/routing/reconciliation${query}`, { token: await supervisorOf(centre) });

  it('counts both directions per peer, and confirms what the peer applied through reconcile messages', async () => {
    const sent = [await send(HANDLING, VERIFYING), await send(HANDLING, VERIFYING), await send(HANDLING, VERIFYING)];
    await send(VERIFYING, HANDLING);
    await relay();

    const before = await view(HANDLING);
    expect(before.status).toBe(200);
    expect(before.body.peers).toEqual([
      { peer: VERIFYING, sent: 3, published: 3, confirmedApplied: 0, dead: 0, received: 1, applied: 1, failed: 0 },
    ]);
    expect(before.body.stuck).toEqual([]);

    const requested = await app.http.post<RoutingReconciliationRequested>(
      `/api/v1/centres/${HANDLING}/routing/reconciliation/requests`,
      { peers: [VERIFYING] },
      { token: await supervisorOf(HANDLING) },
    );
    expect(requested.status).toBe(202);
    expect(requested.body.requests).toEqual([{ peer: VERIFYING, envelopeId: expect.any(String), envelopeCount: 3 }]);

    await relay(); // the request reaches the peer, whose routing layer answers
    await relay(); // the report comes back

    const after = await view(HANDLING);
    expect(after.body.peers).toEqual([expect.objectContaining({ peer: VERIFYING, sent: 3, published: 3, confirmedApplied: 3 })]);
    expect(after.body.rounds).toEqual([
      expect.objectContaining({ peer: VERIFYING, envelopeCount: 3, answeredAt: expect.any(String), applied: 3, unknown: 0, failed: 0 }),
    ]);
    const outbox = await db.asTenant(HANDLING, (c) =>
      c.query('SELECT peer_status FROM routing_outbox WHERE envelope_id = ANY($1::uuid[])', [sent.map((envelope) => envelope.id)]),
    );
    expect(outbox.rows).toEqual([{ peer_status: 'applied' }, { peer_status: 'applied' }, { peer_status: 'applied' }]);

    const peerView = await view(VERIFYING);
    expect(peerView.body.peers).toEqual([
      { peer: HANDLING, sent: 1, published: 1, confirmedApplied: 0, dead: 0, received: 3, applied: 3, failed: 0 },
    ]);
  });

  it('names messages stuck between states, with their age', async () => {
    const token = await supervisorOf(HANDLING);
    const ownerUpdate = (sql: string, params: unknown[]) => db.scoped({ 'app.tenant_id': HANDLING }, (c) => c.query(sql, params), true);

    const late = await send(HANDLING, LOST);
    await ownerUpdate("UPDATE routing_outbox SET created_at = now() - interval '1 hour' WHERE envelope_id = $1", [late.id]);
    const unpublished = await view(HANDLING, '?stuckAfterMinutes=30');
    expect(unpublished.body.stuck).toEqual([
      { envelopeId: late.id, peer: LOST, type: 'verification.requested.v1', state: 'unpublished', since: expect.any(String), ageSeconds: expect.any(Number) },
    ]);
    expect(unpublished.body.stuck[0]?.ageSeconds).toBeGreaterThanOrEqual(3600);
    await relay();

    // Asked about, but the answer has not come back for an hour.
    await app.http.post(`/api/v1/centres/${HANDLING}/routing/reconciliation/requests`, { peers: [LOST] }, { token });
    await ownerUpdate("UPDATE routing_reconcile_rounds SET requested_at = now() - interval '1 hour' WHERE peer = $1", [LOST]);
    expect((await view(HANDLING, '?stuckAfterMinutes=30')).body.stuck).toEqual([expect.objectContaining({ envelopeId: late.id, state: 'unconfirmed' })]);
    await relay();
    await relay();
    expect((await view(HANDLING, '?stuckAfterMinutes=30')).body.stuck).toEqual([]);

    // Published, yet the peer never got it (as if lost on the way): its report says unknown.
    const lostId = randomUUID();
    await ownerUpdate(
      `INSERT INTO routing_outbox (tenant_id, envelope_id, to_tenant, type, envelope, status, attempts, published_at)
       VALUES ($1, $2, $3, 'verification.requested.v1', '{}', 'published', 1, now())`,
      [HANDLING, lostId, VERIFYING],
    );
    await app.http.post(`/api/v1/centres/${HANDLING}/routing/reconciliation/requests`, { peers: [VERIFYING] }, { token });
    await relay();
    await relay();
    const reported = await view(HANDLING);
    expect(reported.body.stuck).toEqual([expect.objectContaining({ envelopeId: lostId, peer: VERIFYING, state: 'unknown_at_peer' })]);
    expect(reported.body.rounds[0]).toMatchObject({ peer: VERIFYING, envelopeCount: 1, applied: 0, unknown: 1 });
  });

  it('is for the centre’s supervisors only', async () => {
    const clerk = await supervisorOf(HANDLING, [StaffRole.WindowClerk]);
    expect((await app.http.get(`/api/v1/centres/${HANDLING}/routing/reconciliation`, { token: clerk })).status).toBe(403);
    const otherCentre = await supervisorOf(VERIFYING);
    expect((await app.http.get(`/api/v1/centres/${HANDLING}/routing/reconciliation`, { token: otherCentre })).status).toBe(403);
    expect((await app.http.get(`/api/v1/centres/${HANDLING}/routing/reconciliation`)).status).toBe(401);
    const invalid = await app.http.post(`/api/v1/centres/${HANDLING}/routing/reconciliation/requests`, { peers: ['51'] }, { token: await supervisorOf(HANDLING) });
    expect(invalid.status).toBe(400);
  });
});
