import { Logger, Module } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { PlatformError } from '@zhengwu/server/core/errors';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp } from '@zhengwu/server/testing';
import type { Envelope, VerificationRequestedV1 } from '@zhengwu/shared/contracts';
import { Registry } from 'prom-client';
import { RoutedOutbox } from './outbox/routed-outbox';
import { RouteHandler, RouteMessageHandler } from './receiver/route-handler.decorator';
import { RoutingReceiver } from './receiver/routing-receiver';
import { RoutingRelay } from './relay/routing-relay';
import { RoutingModule } from './routing.module';
import { counterValue, routingSettingsModule, routingTopology, RoutingTopology, verificationRequested } from './testing/routing-test-kit';

// Centres of this file only (Aba prefecture): no other test's relay hosts them.
const HANDLING = '513221';
const VERIFYING = '513222';
const THIRD = '513223';
const ELSEWHERE = '513224';

const behaviour = { calls: [] as Array<Envelope<VerificationRequestedV1>>, failuresLeft: 0, refuse: false };

/** Writes a marker row in the receiver's transaction, so a rollback shows as a missing marker. */
@RouteHandler('verification.requested.v1')
class VerificationRequestedTestHandler implements RouteMessageHandler<'verification.requested.v1'> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(envelope: Envelope<VerificationRequestedV1>): Promise<void> {
    behaviour.calls.push(envelope);
    await this.uow
      .manager({ tenantId: envelope.to })
      .query(`INSERT INTO routing_alerts (tenant_id, id, kind, envelope_id, detail) VALUES ($1, gen_random_uuid(), 'test.handled', $2, 'marker')`, [
        envelope.to,
        envelope.id,
      ]);
    if (behaviour.failuresLeft > 0) {
      behaviour.failuresLeft--;
      throw new Error('connection reset (simulated)');
    }
    if (behaviour.refuse) throw PlatformError.VALIDATION_FAILED({ simulated: true });
  }
}

@Module({ providers: [VerificationRequestedTestHandler] })
class TestHandlers {}

describe('routing inside one deployment (loopback transport)', () => {
  let topology: RoutingTopology;
  let db: RuntimeConnection;
  let app: TestApp;
  const apps: TestApp[] = [];

  async function deployment(): Promise<TestApp> {
    const created = await createTestApp({
      imports: [routingSettingsModule({ maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 }), RoutingModule, TestHandlers],
      hostedTenants: [HANDLING, VERIFYING, THIRD].join(','),
      deploymentId: 'loop',
      env: topology.env('loop'),
    });
    apps.push(created);
    return created;
  }

  beforeAll(async () => {
    topology = routingTopology([
      { id: 'loop', hostedTenants: [HANDLING, VERIFYING, THIRD].join(',') },
      { id: 'elsewhere', hostedTenants: ELSEWHERE },
    ]);
    db = await connectAsRuntimeRole();
    app = await deployment();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(apps.map((created) => created.close()));
    await db.end();
    topology.remove();
  });
  beforeEach(() => {
    behaviour.calls = [];
    behaviour.failuresLeft = 0;
    behaviour.refuse = false;
  });

  function send(from: string, to: string, on: TestApp = app): Promise<Envelope<VerificationRequestedV1>> {
    return on.app.get(UnitOfWork).run({ tenantId: from }, () =>
      on.app.get(RoutedOutbox).send(from, { type: 'verification.requested.v1', to, actor: 'clerk-1', issue: null, payload: verificationRequested(from) }),
    );
  }

  const relay = (at?: Date, on: TestApp = app) => on.app.get(RoutingRelay).relayOnce(at);

  async function outboxRow(centre: string, id: string) {
    const { rows } = await db.asTenant(centre, (c) =>
      c.query('SELECT status, attempts, next_attempt_at, last_error, published_at FROM routing_outbox WHERE envelope_id = $1', [id]),
    );
    return rows[0] as { status: string; attempts: number; next_attempt_at: Date; last_error: string | null; published_at: Date | null } | undefined;
  }

  async function inbox(centre: string, id: string) {
    const { rows } = await db.asTenant(centre, (c) => c.query('SELECT status, from_tenant, type, error FROM routing_inbox WHERE envelope_id = $1', [id]));
    return rows as Array<{ status: string; from_tenant: string; type: string; error: string | null }>;
  }

  async function alertKinds(centre: string, id: string): Promise<string[]> {
    const { rows } = await db.asTenant(centre, (c) => c.query('SELECT kind FROM routing_alerts WHERE envelope_id = $1 ORDER BY created_at', [id]));
    return rows.map((row: { kind: string }) => row.kind);
  }

  it('sends in the sender’s transaction, delivers once, and applies in the receiver’s transaction', async () => {
    const sent = await send(HANDLING, VERIFYING);
    expect(await outboxRow(HANDLING, sent.id)).toMatchObject({ status: 'pending', attempts: 0, published_at: null });

    expect(await relay()).toEqual({ claimed: 1, published: 1, retrying: 0, dead: 0 });
    expect(behaviour.calls).toEqual([sent]);
    expect(await inbox(VERIFYING, sent.id)).toEqual([{ status: 'applied', from_tenant: HANDLING, type: 'verification.requested.v1', error: null }]);
    expect(await alertKinds(VERIFYING, sent.id)).toEqual(['test.handled']);
    expect(await outboxRow(HANDLING, sent.id)).toMatchObject({ status: 'published', attempts: 1, published_at: expect.any(Date) });

    expect(await relay()).toMatchObject({ claimed: 0 });
    expect(behaviour.calls).toHaveLength(1);
  });

  it('sends nothing when the sender’s transaction rolls back', async () => {
    let written: Envelope | undefined;
    await expect(
      app.app.get(UnitOfWork).run({ tenantId: HANDLING }, async () => {
        written = await app.app.get(RoutedOutbox).send(HANDLING, { type: 'verification.requested.v1', to: VERIFYING, payload: verificationRequested() });
        throw new Error('the change that caused it failed');
      }),
    ).rejects.toThrow('the change that caused it failed');
    expect(written).toBeDefined();
    expect(await outboxRow(HANDLING, written?.id ?? '')).toBeUndefined();
    expect(await relay()).toMatchObject({ claimed: 0 });
    expect(behaviour.calls).toEqual([]);
  });

  it('retries a transient handler failure and applies the envelope once when it succeeds', async () => {
    behaviour.failuresLeft = 2;
    const sent = await send(HANDLING, VERIFYING);

    const t0 = new Date();
    expect(await relay(t0)).toMatchObject({ claimed: 1, retrying: 1 });
    const first = await outboxRow(HANDLING, sent.id);
    expect(first).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('connection reset (simulated)') });
    expect(first?.next_attempt_at.getTime()).toBeGreaterThan(t0.getTime());
    expect(await inbox(VERIFYING, sent.id)).toEqual([]);
    expect(await relay(new Date((first?.next_attempt_at.getTime() ?? 0) - 1))).toMatchObject({ claimed: 0 });

    expect(await relay(first?.next_attempt_at)).toMatchObject({ claimed: 1, retrying: 1 });
    const second = await outboxRow(HANDLING, sent.id);
    expect(await relay(second?.next_attempt_at)).toMatchObject({ claimed: 1, published: 1 });

    expect(behaviour.calls.map((call) => call.id)).toEqual([sent.id, sent.id, sent.id]);
    expect(await inbox(VERIFYING, sent.id)).toEqual([expect.objectContaining({ status: 'applied' })]);
    // The two failed attempts' writes rolled back with them: one marker only.
    expect(await alertKinds(VERIFYING, sent.id)).toEqual(['test.handled']);
    expect(await outboxRow(HANDLING, sent.id)).toMatchObject({ status: 'published', attempts: 3, last_error: null });
  });

  it('acknowledges a duplicate envelope, ignores it and counts it', async () => {
    const sent = await send(HANDLING, THIRD);
    await relay();
    const registry = app.app.get(Registry);
    const before = await counterValue(registry, 'zhengwu_routing_received_total', { outcome: 'duplicate' });

    const receiver = app.app.get(RoutingReceiver);
    expect(await receiver.receive(sent)).toBe('duplicate');
    expect(await receiver.receive(JSON.stringify(sent), { transport: 'loopback' })).toBe('duplicate');

    expect(await counterValue(registry, 'zhengwu_routing_received_total', { outcome: 'duplicate' })).toBe(before + 2);
    expect(behaviour.calls).toHaveLength(1);
    expect(await inbox(THIRD, sent.id)).toHaveLength(1);
    expect(await alertKinds(THIRD, sent.id)).toEqual(['test.handled']);
  });

  it('lets a centre send to itself, through the outbox and the inbox like any other', async () => {
    const sent = await send(HANDLING, HANDLING);
    expect(await relay()).toMatchObject({ published: 1 });
    expect(await inbox(HANDLING, sent.id)).toEqual([expect.objectContaining({ status: 'applied', from_tenant: HANDLING })]);
  });

  it('records a handler’s permanent refusal as failed, alerts, acknowledges, and never retries it', async () => {
    behaviour.refuse = true;
    const sent = await send(HANDLING, VERIFYING);
    expect(await relay()).toMatchObject({ published: 1, retrying: 0 });
    expect(await inbox(VERIFYING, sent.id)).toEqual([
      expect.objectContaining({ status: 'failed', error: expect.stringContaining('VALIDATION_FAILED') }),
    ]);
    expect(await alertKinds(VERIFYING, sent.id)).toEqual(['handler.refused']);
    expect(await relay(new Date(Date.now() + 86_400_000))).toMatchObject({ claimed: 0 });
    expect(await app.app.get(RoutingReceiver).receive(sent)).toBe('duplicate');
    expect(behaviour.calls).toHaveLength(1);
  });

  it('gives an envelope up after the last attempt, with an alert for the sending centre', async () => {
    behaviour.failuresLeft = 100;
    const sent = await send(HANDLING, VERIFYING);
    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      let at = new Date();
      for (let attempt = 1; attempt <= 4; attempt++) {
        await relay(at);
        at = (await outboxRow(HANDLING, sent.id))?.next_attempt_at ?? at;
      }
      expect(await outboxRow(HANDLING, sent.id)).toMatchObject({ status: 'dead', attempts: 4 });
      expect(await alertKinds(HANDLING, sent.id)).toEqual(['envelope.dead']);
      expect(errors).toHaveBeenCalledWith(expect.objectContaining({ event: 'routing.alert', kind: 'envelope.dead', envelopeId: sent.id }));
    } finally {
      errors.mockRestore();
    }
    expect(await relay(new Date(Date.now() + 365 * 86_400_000))).toMatchObject({ claimed: 0 });
    expect(behaviour.calls).toHaveLength(4);
    expect(await inbox(VERIFYING, sent.id)).toEqual([]);
  });

  it('marks an envelope for a centre another deployment hosts undeliverable over loopback, with an alert', async () => {
    const sent = await send(HANDLING, ELSEWHERE);
    expect(await relay()).toMatchObject({ claimed: 1, dead: 1 });
    expect(await outboxRow(HANDLING, sent.id)).toMatchObject({ status: 'dead', last_error: expect.stringContaining('not hosted by this deployment') });
    expect(await alertKinds(HANDLING, sent.id)).toEqual(['envelope.undeliverable']);
  });

  it('refuses to send what no receiver could accept: a bug, thrown before anything is written', async () => {
    const outbox = app.app.get(RoutedOutbox);
    const uow = app.app.get(UnitOfWork);
    const invalid = { ...verificationRequested(), limitWorkingDays: 0 };
    await expect(uow.run({ tenantId: HANDLING }, () => outbox.send(HANDLING, { type: 'verification.requested.v1', to: VERIFYING, payload: invalid }))).rejects.toThrow(
      /Invalid verification.requested.v1 payload: limitWorkingDays/,
    );
    await expect(uow.run({ tenantId: HANDLING }, () => outbox.send(HANDLING, { type: 'verification.requested.v1', to: '513401', payload: verificationRequested() }))).rejects.toThrow(
      /513401 is not in the centre directory/,
    );
    await expect(uow.run({ tenantId: HANDLING }, () => outbox.send(HANDLING, { type: 'directory.updated.v1', to: VERIFYING, payload: topology.keys.directory }))).rejects.toThrow(
      /may not send directory.updated.v1/,
    );
    await expect(outbox.send(HANDLING, { type: 'verification.requested.v1', to: VERIFYING, payload: verificationRequested() })).rejects.toThrow(/outside a unit of work/);
    await expect(uow.run({ tenantId: VERIFYING }, () => outbox.send(HANDLING, { type: 'verification.requested.v1', to: VERIFYING, payload: verificationRequested() }))).rejects.toThrow(
      /inside a unit of work for tenant 513222/,
    );
    expect(await relay()).toMatchObject({ claimed: 0 });
  });

  it('delivers each envelope exactly once with two replicas relaying at the same time', async () => {
    const second = await deployment();
    const sent: string[] = [];
    for (let i = 0; i < 20; i++) sent.push((await send(i % 2 ? HANDLING : THIRD, VERIFYING)).id);
    const totals = [0, 0];
    for (let round = 0; round < 20; round++) {
      const reports = await Promise.all([relay(undefined, app), relay(undefined, second)]);
      reports.forEach((report, index) => (totals[index] = (totals[index] ?? 0) + report.published));
      if (reports.every((report) => report.claimed === 0)) break;
    }
    expect((totals[0] ?? 0) + (totals[1] ?? 0)).toBe(20);
    expect(behaviour.calls.map((call) => call.id).sort()).toEqual([...sent].sort());
  });
});
