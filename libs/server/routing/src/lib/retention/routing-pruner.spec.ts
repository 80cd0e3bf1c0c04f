import { connectAsRuntimeRole, createTestApp, RuntimeConnection, testConfig, TestApp } from '@zhengwu/server/testing';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { RoutingReceiver } from '../receiver/routing-receiver';
import { RoutingModule } from '../routing.module';
import { minimumRetentionMs, ROUTING_SETTINGS, RoutingSettings, routingSettingsFrom } from '../routing-settings';
import { craftEnvelope, routingSettingsModule, routingTopology, RoutingTopology, verificationRequested } from '../testing/routing-test-kit';
import { RoutingPruner } from './routing-pruner';

// Centres of this file only (Liangshan prefecture): no other test hosts or writes them.
const SENDER = '513431';
const RECEIVER = '513432';
const HOSTED = [SENDER, RECEIVER].join(',');
const DAY = 86_400_000;
const BATCH = 3;

describe('routing retention', () => {
  let topology: RoutingTopology;
  let db: RuntimeConnection;
  let app: TestApp;
  let replica: TestApp;
  let retentionMs: number;
  // One clock for the whole file: rows are dated against it and the pruner is handed it.
  const now = new Date();
  const old = () => new Date(now.getTime() - retentionMs - DAY);
  const recent = () => new Date(now.getTime() - retentionMs + DAY);

  const deployment = () =>
    createTestApp({ imports: [routingSettingsModule({ pruneBatchSize: BATCH }), RoutingModule], hostedTenants: HOSTED, deploymentId: 'prune', env: topology.env('prune') });

  beforeAll(async () => {
    // Keys valid long before the oldest envelope this file crafts.
    topology = routingTopology([{ id: 'prune', hostedTenants: HOSTED }], { now: new Date(now.getTime() - 365 * DAY) });
    db = await connectAsRuntimeRole();
    [app, replica] = await Promise.all([deployment(), deployment()]);
    retentionMs = app.app.get<RoutingSettings>(ROUTING_SETTINGS).retentionMs;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([app?.close(), replica?.close()]);
    await db.end();
    topology.remove();
  });

  const prune = (on: TestApp = app) => on.app.get(RoutingPruner).pruneOnce(now);

  async function asCentre(centre: string, work: (client: Client) => Promise<unknown>): Promise<void> {
    await db.scoped({ 'app.tenant_id': centre }, work, true);
  }

  /** Unpublished rows are never due, so no relay (of any test) tries to publish them. */
  async function outboxRow(status: 'pending' | 'failed' | 'published' | 'dead', at: Date): Promise<string> {
    const id = randomUUID();
    await asCentre(SENDER, (c) =>
      c.query(
        `INSERT INTO routing_outbox (tenant_id, envelope_id, to_tenant, type, envelope, status, created_at, published_at, next_attempt_at)
         VALUES ($1, $2, $3, 'verification.requested.v1', '{}', $4, $5, $6, 'infinity')`,
        [SENDER, id, RECEIVER, status, at, status === 'published' ? at : null],
      ),
    );
    return id;
  }

  async function inboxRow(status: 'applied' | 'failed', at: Date, id: string = randomUUID()): Promise<string> {
    await asCentre(RECEIVER, (c) =>
      c.query(
        `INSERT INTO routing_inbox (tenant_id, envelope_id, from_tenant, type, status, error, envelope, received_at)
         VALUES ($1, $2, $3, 'verification.requested.v1', $4, $5, '{}', $6)`,
        [RECEIVER, id, SENDER, status, status === 'failed' ? 'refused by its handler' : null, at],
      ),
    );
    return id;
  }

  /** One after the other: the rows are written through the file's single connection. */
  async function times(count: number, write: () => Promise<string>): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await write());
    return ids;
  }

  async function remaining(table: 'routing_outbox' | 'routing_inbox', centre: string, ids: string[]): Promise<string[]> {
    const { rows } = await db.asTenant(centre, (c) => c.query(`SELECT envelope_id FROM ${table} WHERE envelope_id = ANY($1::uuid[])`, [ids]));
    return rows.map((row: { envelope_id: string }) => row.envelope_id).sort();
  }

  it('deletes published outbox and applied inbox rows past retention, and keeps everything else', async () => {
    const oldPublished = await outboxRow('published', old());
    const recentPublished = await outboxRow('published', recent());
    const unpublished = [await outboxRow('pending', old()), await outboxRow('failed', old()), await outboxRow('dead', old())];
    const oldApplied = await inboxRow('applied', old());
    const recentApplied = await inboxRow('applied', recent());
    const refused = await inboxRow('failed', old());
    const [rejection, alert] = [randomUUID(), randomUUID()];
    await asCentre(RECEIVER, async (c) => {
      await c.query(`INSERT INTO routing_rejections (tenant_id, id, reason, detail, transport, created_at) VALUES ($1, $2, 'stale', 'old', 'test', $3)`, [RECEIVER, rejection, old()]);
      await c.query(`INSERT INTO routing_alerts (tenant_id, id, kind, detail, created_at) VALUES ($1, $2, 'envelope.dead', 'old', $3)`, [RECEIVER, alert, old()]);
    });

    expect(await prune()).toEqual({ outbox: 1, inbox: 1 });

    expect(await remaining('routing_outbox', SENDER, [oldPublished, recentPublished, ...unpublished])).toEqual([recentPublished, ...unpublished].sort());
    expect(await remaining('routing_inbox', RECEIVER, [oldApplied, recentApplied, refused])).toEqual([recentApplied, refused].sort());
    const kept = await db.asTenant(RECEIVER, (c) =>
      c.query('SELECT (SELECT count(*)::int FROM routing_rejections WHERE id = $1) AS rejections, (SELECT count(*)::int FROM routing_alerts WHERE id = $2) AS alerts', [rejection, alert]),
    );
    expect(kept.rows[0]).toEqual({ rejections: 1, alerts: 1 });
    expect(await prune()).toEqual({ outbox: 0, inbox: 0 });
  });

  it('lets the runtime role delete nothing unfinished, whatever the query says', async () => {
    const pending = await outboxRow('pending', old());
    const refused = await inboxRow('failed', old());
    const deleted = await db.asTenant(SENDER, (c) => c.query('DELETE FROM routing_outbox WHERE envelope_id = $1', [pending]));
    expect(deleted.rowCount).toBe(0);
    const deletedInbox = await db.asTenant(RECEIVER, (c) => c.query('DELETE FROM routing_inbox WHERE envelope_id = $1', [refused]));
    expect(deletedInbox.rowCount).toBe(0);
  });

  it('deletes a backlog larger than one batch, batch after batch', async () => {
    const outbox = await times(3 * BATCH + 1, () => outboxRow('published', old()));
    const inbox = await times(BATCH + 2, () => inboxRow('applied', old()));

    expect(await prune()).toEqual({ outbox: outbox.length, inbox: inbox.length });
    expect(await remaining('routing_outbox', SENDER, outbox)).toEqual([]);
    expect(await remaining('routing_inbox', RECEIVER, inbox)).toEqual([]);
  });

  it('lets two replicas prune at the same moment, each row deleted and counted once', async () => {
    const outbox = await times(4 * BATCH, () => outboxRow('published', old()));
    const inbox = await times(4 * BATCH, () => inboxRow('applied', old()));

    const reports = await Promise.all([prune(app), prune(replica), prune(app), prune(replica)]);

    expect(reports.reduce((sum, report) => sum + report.outbox, 0)).toBe(outbox.length);
    expect(reports.reduce((sum, report) => sum + report.inbox, 0)).toBe(inbox.length);
    expect(await remaining('routing_outbox', SENDER, outbox)).toEqual([]);
    expect(await remaining('routing_inbox', RECEIVER, inbox)).toEqual([]);
  });

  it('refuses a redelivered envelope whose inbox row was pruned as a replay: it is not applied twice', async () => {
    const createdAt = old();
    const envelope = craftEnvelope(topology.privateKeyOf(SENDER), {
      type: 'verification.requested.v1',
      from: SENDER,
      to: RECEIVER,
      createdAt: createdAt.toISOString(),
      payload: verificationRequested(SENDER),
    });
    await inboxRow('applied', createdAt, envelope.id);
    expect(await prune()).toEqual({ outbox: 0, inbox: 1 });

    expect(await app.app.get(RoutingReceiver).receive(envelope)).toBe('rejected');
    expect(await remaining('routing_inbox', RECEIVER, [envelope.id])).toEqual([]);
    const { rows } = await db.asTenant(RECEIVER, (c) => c.query('SELECT reason FROM routing_rejections WHERE envelope_id = $1', [envelope.id]));
    expect(rows).toEqual([{ reason: 'stale' }]);
  });
});

describe('routing retention setting', () => {
  it('defaults to at least the reconciliation window plus the stream max age, and refuses less', () => {
    const config = testConfig({ env: { ROUTING_FRESHNESS_DAYS: '60' } });
    const settings = routingSettingsFrom(config);
    expect(settings.streamMaxAgeMs).toBe(120 * DAY);
    expect(settings.retentionMs).toBe(minimumRetentionMs(settings));
    expect(settings.retentionMs).toBe((90 + 120) * DAY);
    expect(routingSettingsFrom(testConfig()).retentionMs).toBe(120 * DAY);
    expect(() => routingSettingsFrom(testConfig(), { retentionMs: 60 * DAY })).toThrow(/shorter than the 104 day/);
    // The operator's ROUTING_RETENTION_DAYS, held to the same bound.
    expect(routingSettingsFrom(testConfig({ env: { ROUTING_RETENTION_DAYS: '365' } })).retentionMs).toBe(365 * DAY);
    expect(() => routingSettingsFrom(testConfig({ env: { ROUTING_RETENTION_DAYS: '30' } }))).toThrow(/shorter than the 104 day/);
  });
});
