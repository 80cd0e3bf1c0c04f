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
   */
  async catchUp(tenantId: string, limit: number): Promise<{ changed: number; wanted: number }> {
    const [row]: Array<{ changed: number; wanted: number }> = await this.uow.manager({ tenantId }).query(
      `WITH ranked AS (
         SELECT application_id AS id, CASE max(CASE level WHEN 'red' THEN 2 ELSE 1 END) WHEN 2 THEN 'red' ELSE 'yellow' END AS level
           FROM supervision_alerts
          WHERE tenant_id = $1 AND resolved_at IS NULL AND application_id IS NOT NULL AND subject_kind <> 'verification'
          GROUP BY application_id
       ), wanted AS MATERIALIZED (
         SELECT r.id, CASE WHEN a.status = ANY($2::smallint[]) THEN r.level ELSE 'normal' END AS level
           FROM ranked r JOIN applications a ON a.tenant_id = $1 AND a.id = r.id
          WHERE a.supervision_level <> CASE WHEN a.status = ANY($2::smallint[]) THEN r.level ELSE 'normal' END
         UNION ALL
         SELECT a.id, 'normal' FROM applications a
          WHERE a.tenant_id = $1 AND a.supervision_level <> 'normal' AND NOT EXISTS (SELECT 1 FROM ranked r WHERE r.id = a.id)
       ), changing AS (
         SELECT a.id, w.level FROM applications a JOIN wanted w ON a.tenant_id = $1 AND a.id = w.id
          LIMIT $3
          FOR UPDATE OF a SKIP LOCKED
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
