import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { type BoardSummary, SupervisionSweepLeaseEntity } from '../entities/supervision-sweep-lease.entity';

/**
 * Per-centre sweep leases. A sweeper locks the centre's row with FOR UPDATE SKIP LOCKED for the
 * whole transaction in which it sweeps that centre: a second replica skips the centre instead of
 * waiting, and the lock dies with the transaction, so a crashed sweeper never leaves it held.
 */
@Injectable()
export class SweepLeaseRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Makes sure the centre has a lease row (its own statement, before any lock is taken). */
  async ensure(tenantId: string): Promise<void> {
    await this.uow.manager({ tenantId }).query('INSERT INTO supervision_sweep_leases (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING', [tenantId]);
  }

  /**
   * Locks the centre's lease for this transaction, or returns null when another sweeper holds it,
   * or when the centre was swept less than `minIntervalMs` ago (by the database's clock, which all
   * replicas share).
   */
  async claim(tenantId: string, holder: string, minIntervalMs: number): Promise<SupervisionSweepLeaseEntity | null> {
    const manager = this.uow.manager({ tenantId });
    const rows: Array<{ tenant_id: string; fresh: boolean }> = await manager.query(
      `SELECT tenant_id, coalesce(last_swept_at > now() - make_interval(secs => $2::double precision / 1000), false) AS fresh
         FROM supervision_sweep_leases WHERE tenant_id = $1 FOR UPDATE SKIP LOCKED`,
      [tenantId, minIntervalMs],
    );
    const row = rows[0];
    if (!row || row.fresh) return null;
    await manager.query('UPDATE supervision_sweep_leases SET holder = $2, leased_at = clock_timestamp() WHERE tenant_id = $1', [tenantId, holder]);
    return manager.getRepository(SupervisionSweepLeaseEntity).findOneByOrFail({ tenantId });
  }

  async finish(tenantId: string, asOf: Date, report: object, board: BoardSummary): Promise<void> {
    await this.uow.manager({ tenantId }).query(
      'UPDATE supervision_sweep_leases SET last_swept_at = clock_timestamp(), last_sweep_as_of = $2, last_report = $3, board = $4 WHERE tenant_id = $1',
      [tenantId, asOf, JSON.stringify(report), JSON.stringify(board)],
    );
  }

  /**
   * Whether the centre's case levels may lag its alerts: true for a new centre (and, by the
   * migration, for every centre once); set in the transaction of a sweep that raised or resolved
   * alerts, and by a catch-up that skipped cases; cleared only by a catch-up that left none.
   */
  async levelsBehind(tenantId: string): Promise<boolean> {
    const rows: Array<{ levels_behind: boolean }> = await this.uow.manager({ tenantId }).query(
      'SELECT levels_behind FROM supervision_sweep_leases WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0]?.levels_behind ?? true;
  }

  async markLevels(tenantId: string, behind: boolean): Promise<void> {
    await this.uow.manager({ tenantId }).query('UPDATE supervision_sweep_leases SET levels_behind = $2 WHERE tenant_id = $1', [tenantId, behind]);
  }

  find(tenantId: string): Promise<SupervisionSweepLeaseEntity | null> {
    return this.uow.manager({ tenantId }).getRepository(SupervisionSweepLeaseEntity).findOneBy({ tenantId });
  }
}
