import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { AWAITING_PRE_REVIEW_STATUSES, CLOCK_STATUSES } from '@zhengwu/supervision/domain';

/**
 * `applications.supervision_level` (the approval scope's column, shown on the staff inbox and the
 * case page) as the sweep's alerts say it is: an open case is red while it has an open red alert,
 * yellow while it has any other open alert, normal otherwise; a closed case is normal. The same
 * reading as the board's counts (an alert on a step counts for its case; originals checks routed
 * here concern another centre's case, so they do not).
 *
 * It is the one column supervision writes in approval's table, and only that column: it leaves
 * `version` alone, so a level change never makes a clerk's action a 409, and it takes the rows it
 * changes with SKIP LOCKED, so it never waits for a clerk's transaction (a row skipped now is
 * caught up by the next sweep).
 */
@Injectable()
export class CaseLevelProjection {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Brings up to `limit` cases to their level. `changed`: how many it changed; `wanted`: how many
   * needed a change, so `changed` below both `wanted` and `limit` means some were skipped (locked).
   *
   * Catch-ups of one centre take turns (a transaction-scoped advisory lock), so one working from
   * older alerts never overwrites what a later one wrote. The level is decided on the locked row:
   * a case a clerk closed since the statement began is rechecked as it is now, not as it was.
   */
  async catchUp(tenantId: string, limit: number): Promise<{ changed: number; wanted: number }> {
    const manager = this.uow.manager({ tenantId });
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('supervision.levels:' || $1, 0))`, [tenantId]);
    const [row]: Array<{ changed: number; wanted: number }> = await manager.query(
      `WITH ranked AS (
         SELECT application_id AS id, CASE max(CASE level WHEN 'red' THEN 2 ELSE 1 END) WHEN 2 THEN 'red' ELSE 'yellow' END AS level
           FROM supervision_alerts
          WHERE tenant_id = $1 AND resolved_at IS NULL AND application_id IS NOT NULL AND subject_kind <> 'verification'
          GROUP BY application_id
       ), wanted AS MATERIALIZED (
         SELECT r.id, r.level AS alert_level
           FROM ranked r JOIN applications a ON a.tenant_id = $1 AND a.id = r.id
          WHERE a.supervision_level <> CASE WHEN a.status = ANY($2::smallint[]) THEN r.level ELSE 'normal' END
         UNION ALL
         SELECT a.id, NULL FROM applications a
          WHERE a.tenant_id = $1 AND a.supervision_level <> 'normal' AND NOT EXISTS (SELECT 1 FROM ranked r WHERE r.id = a.id)
       ), changing AS (
         SELECT a.id, CASE WHEN a.status = ANY($2::smallint[]) THEN coalesce(w.alert_level, 'normal') ELSE 'normal' END AS level
           FROM applications a JOIN wanted w ON a.tenant_id = $1 AND a.id = w.id
          WHERE a.supervision_level <> CASE WHEN a.status = ANY($2::smallint[]) THEN coalesce(w.alert_level, 'normal') ELSE 'normal' END
          LIMIT $3
          FOR NO KEY UPDATE OF a SKIP LOCKED
       ), updated AS (
         UPDATE applications a SET supervision_level = changing.level
           FROM changing
          WHERE a.tenant_id = $1 AND a.id = changing.id
         RETURNING a.id
       )
       SELECT (SELECT count(*) FROM updated)::int AS changed, (SELECT count(*) FROM wanted)::int AS wanted`,
      [tenantId, [...AWAITING_PRE_REVIEW_STATUSES, ...CLOCK_STATUSES], limit],
    );
    return row;
  }
}
