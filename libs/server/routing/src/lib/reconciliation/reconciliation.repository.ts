import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { PeerRoutingCounts, StuckRoutedMessage, StuckState } from '@zhengwu/shared/contracts';
import type { EntityManager } from 'typeorm';

/** Reconcile messages are bookkeeping about the others: they are neither counted nor asked about. */
const COUNTED = `type NOT LIKE 'reconcile.%'`;
const STUCK_LIMIT = 200;

export interface RoundRow {
  id: string;
  peer: string;
  envelope_count: number;
  requested_at: Date;
  answered_at: Date | null;
  applied_count: number | null;
  unknown_count: number | null;
  failed_count: number | null;
}

/** Reconciliation reads and bookkeeping; every method takes the centre first and runs in its unit of work. */
@Injectable()
export class ReconciliationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async peerCounts(centre: string, since: Date): Promise<PeerRoutingCounts[]> {
    const manager = this.forTenant(centre);
    const sent: Array<{ peer: string; sent: number; published: number; confirmed: number; dead: number }> = await manager.query(
      `SELECT to_tenant AS peer, count(*)::int AS sent, count(published_at)::int AS published,
              count(*) FILTER (WHERE peer_status = 'applied')::int AS confirmed, count(*) FILTER (WHERE status = 'dead')::int AS dead
       FROM routing_outbox WHERE tenant_id = $1 AND created_at >= $2 AND ${COUNTED} GROUP BY to_tenant`,
      [centre, since],
    );
    const received: Array<{ peer: string; received: number; applied: number; failed: number }> = await manager.query(
      `SELECT from_tenant AS peer, count(*)::int AS received, count(*) FILTER (WHERE status = 'applied')::int AS applied,
              count(*) FILTER (WHERE status = 'failed')::int AS failed
       FROM routing_inbox WHERE tenant_id = $1 AND received_at >= $2 AND ${COUNTED} GROUP BY from_tenant`,
      [centre, since],
    );
    const peers = new Map<string, PeerRoutingCounts>();
    const entry = (peer: string) => {
      let counts = peers.get(peer);
      if (!counts) {
        counts = { peer, sent: 0, published: 0, confirmedApplied: 0, dead: 0, received: 0, applied: 0, failed: 0 };
        peers.set(peer, counts);
      }
      return counts;
    };
    for (const row of sent) Object.assign(entry(row.peer), { sent: row.sent, published: row.published, confirmedApplied: row.confirmed, dead: row.dead });
    for (const row of received) Object.assign(entry(row.peer), { received: row.received, applied: row.applied, failed: row.failed });
    return [...peers.values()].sort((a, b) => a.peer.localeCompare(b.peer));
  }

  /**
   * Messages stuck between states: unpublished (or dead) in the outbox; reported unknown or failed
   * by the peer; or asked about in a reconcile round older than `stuckAfter` that got no answer.
   */
  async stuck(centre: string, since: Date, stuckAfterMs: number): Promise<StuckRoutedMessage[]> {
    const rows: Array<{ envelope_id: string; peer: string; type: string; state: StuckState; since: Date; age_seconds: number }> = await this.forTenant(centre).query(
      `SELECT stuck.*, extract(epoch FROM now() - stuck.since)::int AS age_seconds FROM (
         SELECT o.envelope_id, o.to_tenant AS peer, o.type,
                CASE
                  WHEN o.status = 'dead' THEN 'dead'
                  WHEN o.status IN ('pending', 'failed') THEN 'unpublished'
                  WHEN o.peer_status = 'unknown' THEN 'unknown_at_peer'
                  WHEN o.peer_status = 'failed' THEN 'failed_at_peer'
                  ELSE 'unconfirmed'
                END AS state,
                CASE WHEN o.status IN ('pending', 'failed', 'dead') THEN o.created_at
                     WHEN o.peer_status IS NOT NULL THEN o.peer_reported_at
                     ELSE o.published_at END AS since
         FROM routing_outbox o
         LEFT JOIN routing_reconcile_rounds r ON r.tenant_id = o.tenant_id AND r.id = o.reconcile_round_id
         WHERE o.tenant_id = $1 AND o.created_at >= $2 AND o.type NOT LIKE 'reconcile.%'
           AND (
             o.status = 'dead'
             OR (o.status IN ('pending', 'failed') AND o.created_at < now() - $3 * interval '1 millisecond')
             OR (o.status = 'published' AND o.peer_status IN ('unknown', 'failed'))
             OR (o.status = 'published' AND o.peer_status IS NULL AND r.answered_at IS NULL
                 AND r.requested_at < now() - $3 * interval '1 millisecond')
           )
       ) stuck
       ORDER BY stuck.since LIMIT ${STUCK_LIMIT}`,
      [centre, since, stuckAfterMs],
    );
    return rows.map((row) => ({
      envelopeId: row.envelope_id,
      peer: row.peer,
      type: row.type,
      state: row.state,
      since: new Date(row.since).toISOString(),
      ageSeconds: Number(row.age_seconds),
    }));
  }

  rounds(centre: string, since: Date): Promise<RoundRow[]> {
    return this.forTenant(centre).query(
      `SELECT id, peer, envelope_count, requested_at, answered_at, applied_count, unknown_count, failed_count
       FROM routing_reconcile_rounds WHERE tenant_id = $1 AND requested_at >= $2 ORDER BY requested_at DESC LIMIT 50`,
      [centre, since],
    );
  }

  async rejectionCount(centre: string, since: Date): Promise<number> {
    const rows: Array<{ n: number }> = await this.forTenant(centre).query(
      'SELECT count(*)::int AS n FROM routing_rejections WHERE tenant_id = $1 AND created_at >= $2',
      [centre, since],
    );
    return rows[0]?.n ?? 0;
  }

  alerts(centre: string, since: Date): Promise<Array<{ id: string; kind: string; envelope_id: string | null; detail: string; created_at: Date }>> {
    return this.forTenant(centre).query(
      `SELECT id, kind, envelope_id, detail, created_at FROM routing_alerts
       WHERE tenant_id = $1 AND created_at >= $2 ORDER BY created_at DESC LIMIT 50`,
      [centre, since],
    );
  }

  /** Published envelopes not yet confirmed applied, per peer, oldest first (at most `limit` per peer). */
  async unconfirmed(centre: string, since: Date, peers: readonly string[] | null, limit: number): Promise<Map<string, string[]>> {
    const rows: Array<{ peer: string; envelope_id: string }> = await this.forTenant(centre).query(
      `SELECT peer, envelope_id FROM (
         SELECT to_tenant AS peer, envelope_id,
                row_number() OVER (PARTITION BY to_tenant ORDER BY created_at, envelope_id) AS n
         FROM routing_outbox
         WHERE tenant_id = $1 AND created_at >= $2 AND status = 'published' AND ${COUNTED}
           AND (peer_status IS NULL OR peer_status <> 'applied')
           AND ($3::text[] IS NULL OR to_tenant = ANY($3::text[]))
       ) ranked WHERE n <= $4 ORDER BY peer, n`,
      [centre, since, peers, limit],
    );
    const byPeer = new Map<string, string[]>();
    for (const row of rows) byPeer.set(row.peer, [...(byPeer.get(row.peer) ?? []), row.envelope_id]);
    return byPeer;
  }

  async insertRound(centre: string, round: { id: string; peer: string; requestHash: string; envelopeIds: string[] }): Promise<void> {
    const manager = this.forTenant(centre);
    await manager.query(
      'INSERT INTO routing_reconcile_rounds (tenant_id, id, peer, request_hash, envelope_count) VALUES ($1, $2, $3, $4, $5)',
      [centre, round.id, round.peer, round.requestHash, round.envelopeIds.length],
    );
    await manager.query(
      'UPDATE routing_outbox SET reconcile_round_id = $3 WHERE tenant_id = $1 AND to_tenant = $4 AND envelope_id = ANY($2::uuid[])',
      [centre, round.envelopeIds, round.id, round.peer],
    );
  }

  /** What the receiving centre itself holds from a peer: for answering its reconcile request. */
  async inboxFrom(centre: string, peer: string, envelopeIds: readonly string[]): Promise<{ statuses: Map<string, string>; appliedTotal: number }> {
    const manager = this.forTenant(centre);
    const rows: Array<{ envelope_id: string; status: string }> = await manager.query(
      'SELECT envelope_id, status FROM routing_inbox WHERE tenant_id = $1 AND from_tenant = $2 AND envelope_id = ANY($3::uuid[])',
      [centre, peer, envelopeIds],
    );
    const total: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM routing_inbox WHERE tenant_id = $1 AND from_tenant = $2 AND status = 'applied' AND ${COUNTED}`,
      [centre, peer],
    );
    return { statuses: new Map(rows.map((row) => [row.envelope_id, row.status])), appliedTotal: total[0]?.n ?? 0 };
  }

  /**
   * Records a peer's answer: the round it answers (found by the request's hash, and from that very
   * peer) and each envelope's status there. False when no such round exists.
   */
  async recordReport(
    centre: string,
    peer: string,
    requestHash: string,
    report: { applied: string[]; unknown: string[]; failed: string[]; appliedTotal: number },
  ): Promise<boolean> {
    const manager = this.forTenant(centre);
    const [rounds] = (await manager.query(
      `UPDATE routing_reconcile_rounds
       SET answered_at = now(), applied_count = $4, unknown_count = $5, failed_count = $6, peer_applied_total = $7
       WHERE tenant_id = $1 AND request_hash = $2 AND peer = $3 RETURNING id`,
      [centre, requestHash, peer, report.applied.length, report.unknown.length, report.failed.length, report.appliedTotal],
    )) as [unknown[], number];
    if (rounds.length === 0) return false;
    for (const [status, ids] of [['applied', report.applied], ['unknown', report.unknown], ['failed', report.failed]] as const) {
      if (ids.length === 0) continue;
      await manager.query(
        `UPDATE routing_outbox SET peer_status = $4, peer_reported_at = now()
         WHERE tenant_id = $1 AND to_tenant = $2 AND envelope_id = ANY($3::uuid[])`,
        [centre, peer, ids, status],
      );
    }
    return true;
  }

  private forTenant(centre: string): EntityManager {
    return this.uow.manager({ tenantId: centre });
  }
}
