import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';

/**
 * Deletes routing rows retention no longer needs, one bounded batch per call: every method takes
 * the centre first and runs in its unit of work (row-level security scoped to it, and restrictive
 * DELETE policies that admit only published outbox rows and applied inbox rows).
 *
 * Replicas take turns per table and centre on a transaction-scoped advisory lock: a batch whose
 * table another replica is pruning for that centre at that moment returns null, and is left to it. (Row
 * locks with SKIP LOCKED would need UPDATE on the inbox, which stays append-only for the runtime
 * role.) Were two deletes to meet anyway, a row deleted by one is skipped by the other, so no row
 * is counted twice.
 */
@Injectable()
export class RoutingRetentionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Outbox rows published before `cutoff`: how many were deleted, or null when another replica is at it. */
  deletePublishedOutbox(tenantId: string, cutoff: Date, limit: number): Promise<number | null> {
    return this.deleteBatch(
      tenantId,
      'routing_outbox',
      `DELETE FROM routing_outbox o USING (
         SELECT envelope_id FROM routing_outbox
         WHERE tenant_id = $1 AND status = 'published' AND published_at < $2
         LIMIT $3
       ) old
       WHERE o.tenant_id = $1 AND o.envelope_id = old.envelope_id`,
      [tenantId, cutoff, limit],
    );
  }

  /** Inbox rows applied (received) before `cutoff`: how many were deleted, or null when another replica is at it. */
  deleteAppliedInbox(tenantId: string, cutoff: Date, limit: number): Promise<number | null> {
    return this.deleteBatch(
      tenantId,
      'routing_inbox',
      `DELETE FROM routing_inbox i USING (
         SELECT envelope_id FROM routing_inbox
         WHERE tenant_id = $1 AND status = 'applied' AND received_at < $2
         LIMIT $3
       ) old
       WHERE i.tenant_id = $1 AND i.envelope_id = old.envelope_id`,
      [tenantId, cutoff, limit],
    );
  }

  private async deleteBatch(tenantId: string, table: string, sql: string, params: unknown[]): Promise<number | null> {
    const manager = this.uow.manager({ tenantId });
    // One turn per table and centre: a replica that finds it taken moves on, the holder goes on.
    const [turn] = (await manager.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS mine', [`routing.prune:${table}:${tenantId}`])) as Array<{
      mine: boolean;
    }>;
    if (!turn?.mine) return null;
    const [, affected] = (await manager.query(sql, params)) as [unknown[], number];
    return affected;
  }
}
