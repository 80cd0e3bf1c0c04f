import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { RollupSnapshot } from '@zhengwu/supervision/domain';
import { SupervisionRollupSnapshotEntity } from '../entities/supervision-rollup-snapshot.entity';

/** Roll-up snapshots received from the centres beneath a centre, and the centre's own send state. */
@Injectable()
export class RollupSnapshotRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Keeps the snapshot unless the stored one was taken later (deliveries may overtake each other).
   * Returns whether it was stored.
   */
  async store(tenantId: string, snapshot: RollupSnapshot, envelopeId: string, receivedAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.uow.manager({ tenantId }).query(
      `INSERT INTO supervision_rollup_snapshots AS s (tenant_id, centre_code, centre_name, level, parent_code, generated_at, received_at, envelope_id, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, centre_code) DO UPDATE
         SET centre_name = excluded.centre_name, level = excluded.level, parent_code = excluded.parent_code,
             generated_at = excluded.generated_at, received_at = excluded.received_at,
             envelope_id = excluded.envelope_id, snapshot = excluded.snapshot
         WHERE s.generated_at < excluded.generated_at
       RETURNING centre_code`,
      [tenantId, snapshot.centreCode, snapshot.centreName, snapshot.level, snapshot.parentCode, snapshot.generatedAt, receivedAt, envelopeId, JSON.stringify(snapshot)],
    );
    return rows.length === 1;
  }

  all(tenantId: string): Promise<SupervisionRollupSnapshotEntity[]> {
    return this.uow.manager({ tenantId }).getRepository(SupervisionRollupSnapshotEntity).find({ where: { tenantId }, order: { centreCode: 'ASC' } });
  }

  /** Makes sure the centre has a send-state row (its own statement, before any lock is taken). */
  async ensureSendState(tenantId: string): Promise<void> {
    await this.uow.manager({ tenantId }).query('INSERT INTO supervision_rollup_sends (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING', [tenantId]);
  }

  /**
   * Locks the centre's send state for this transaction and says whether a snapshot is due: none was
   * sent in the `minIntervalMs` before `now` (or the last one is dated after `now` by more than
   * that: a clock put back). False when another replica holds the row: that one sends.
   */
  async claimSend(tenantId: string, now: Date, minIntervalMs: number): Promise<boolean> {
    const manager = this.uow.manager({ tenantId });
    const rows: Array<{ last_generated_at: Date | null }> = await manager.query(
      'SELECT last_generated_at FROM supervision_rollup_sends WHERE tenant_id = $1 FOR UPDATE SKIP LOCKED',
      [tenantId],
    );
    const row = rows[0];
    if (!row) return false;
    return row.last_generated_at === null || now.getTime() - row.last_generated_at.getTime() >= minIntervalMs || now.getTime() < row.last_generated_at.getTime() - minIntervalMs;
  }

  async recordSend(tenantId: string, generatedAt: Date, recipients: readonly string[]): Promise<void> {
    await this.uow
      .manager({ tenantId })
      .query('UPDATE supervision_rollup_sends SET last_generated_at = $2, last_recipients = $3 WHERE tenant_id = $1', [tenantId, generatedAt, recipients]);
  }
}
