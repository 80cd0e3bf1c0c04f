import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { In } from 'typeorm';
import { SupervisionAlertEntity } from '../entities/supervision-alert.entity';

/** Why an alert reached a staff member: the rule names the recipient and the staff member is it. */
export type DeliveryReason = 'handler' | 'department_head';

export interface RecipientAlert {
  alert: SupervisionAlertEntity;
  reasons: DeliveryReason[];
}

/*
 * The caller's open alerts in two branches, each served by its partial index of open alerts (by
 * holder; by department, probed once per department the caller heads), rather than one OR with an
 * IN (subquery), which makes the planner filter every open alert of the centre. A department is
 * headed by a staff member at most once (the heads' key), so the head branch has no duplicates; an
 * alert in both branches is marked in the head branch (`also_handler`). $1 tenant, $2 staff.
 */
const BRANCHES = `
  WITH handler AS (
    SELECT id, level, due, raised_at FROM supervision_alerts
     WHERE tenant_id = $1 AND resolved_at IS NULL AND holder_id = $2 AND 'handler' = ANY(notify)
  ), head AS (
    SELECT a.id, a.level, a.due, a.raised_at, (a.holder_id = $2 AND 'handler' = ANY(a.notify)) AS also_handler
      FROM supervision_department_heads h
      JOIN supervision_alerts a ON a.tenant_id = h.tenant_id AND a.department_id = h.department_id AND a.resolved_at IS NULL
     WHERE h.tenant_id = $1 AND h.staff_id = $2 AND 'department_head' = ANY(a.notify)
  )`;

/** Red first, then soonest (most overdue) due first. */
const ORDER = `CASE WHEN level = 'red' THEN 0 ELSE 1 END, due ASC NULLS LAST, raised_at, id`;

/** |handler| + |head \ handler|: two counts, no grouping of the union (100 k alerts at scale). */
const COUNT = `${BRANCHES}
  SELECT (SELECT count(*) FROM handler)::int + (SELECT count(*) FROM head WHERE NOT coalesce(also_handler, false))::int AS total`;

/**
 * A page: the first offset + limit of each branch (the page's alerts are among them: within its
 * branch an alert ranks no later than overall), merged by alert. $3 limit, $4 offset.
 */
const PAGE = `${BRANCHES}
  SELECT id, bool_or(as_handler) AS as_handler, bool_or(as_head) AS as_head FROM (
    (SELECT id, level, due, raised_at, true AS as_handler, false AS as_head FROM handler ORDER BY ${ORDER} LIMIT $3::int + $4::int)
    UNION ALL
    (SELECT id, level, due, raised_at, coalesce(also_handler, false), true FROM head ORDER BY ${ORDER} LIMIT $3::int + $4::int)
  ) addressed
  GROUP BY id, level, due, raised_at
  ORDER BY ${ORDER}
  LIMIT $3::int OFFSET $4::int`;

/**
 * The open alerts addressed to one staff member: those naming `handler` on work they hold, and
 * those naming `department_head` in a department they head (supervision_department_heads). The
 * supervisor's board reads every alert; this is the narrower list each recipient is told of.
 */
@Injectable()
export class RecipientAlertsReader {
  constructor(private readonly uow: UnitOfWork) {}

  /** Red first, then soonest (most overdue) due first; a page and the total. */
  async forStaff(tenantId: string, staffId: string, page: { limit: number; offset: number }): Promise<{ items: RecipientAlert[]; total: number }> {
    const manager = this.uow.manager({ tenantId });
    const [counted]: Array<{ total: number }> = await manager.query(COUNT, [tenantId, staffId]);
    const rows: Array<{ id: string; as_handler: boolean; as_head: boolean }> = await manager.query(PAGE, [tenantId, staffId, page.limit, page.offset]);
    if (rows.length === 0) return { items: [], total: counted?.total ?? 0 };
    const byId = new Map((await manager.getRepository(SupervisionAlertEntity).findBy({ tenantId, id: In(rows.map((row) => row.id)) })).map((alert) => [alert.id, alert]));
    const items = rows.flatMap((row) => {
      const alert = byId.get(row.id);
      return alert ? [{ alert, reasons: reasonsOf(row) }] : [];
    });
    return { items, total: counted?.total ?? 0 };
  }
}

function reasonsOf(row: { as_handler: boolean; as_head: boolean }): DeliveryReason[] {
  const reasons: DeliveryReason[] = [];
  if (row.as_handler) reasons.push('handler');
  if (row.as_head) reasons.push('department_head');
  return reasons;
}
