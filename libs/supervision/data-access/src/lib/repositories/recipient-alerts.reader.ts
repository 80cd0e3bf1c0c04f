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
 * The caller's open alerts, one row per alert with both reasons. Two branches joined by UNION ALL
 * rather than one OR: each branch is served by its partial index of open alerts (by holder; by
 * department, probed once per department the caller heads), where an OR with an IN (subquery)
 * makes the planner filter every open alert of the centre. $1 tenant, $2 staff.
 */
const ADDRESSED = `
  SELECT a.id, bool_or(m.as_handler) AS as_handler, bool_or(m.as_head) AS as_head,
         min(CASE WHEN a.level = 'red' THEN 0 ELSE 1 END) AS level_rank, a.due, a.raised_at
    FROM (
      SELECT id, true AS as_handler, false AS as_head FROM supervision_alerts
       WHERE tenant_id = $1 AND resolved_at IS NULL AND holder_id = $2 AND 'handler' = ANY(notify)
      UNION ALL
      SELECT a.id, false, true FROM supervision_department_heads h
        JOIN supervision_alerts a ON a.tenant_id = h.tenant_id AND a.department_id = h.department_id AND a.resolved_at IS NULL
       WHERE h.tenant_id = $1 AND h.staff_id = $2 AND 'department_head' = ANY(a.notify)
    ) m
    JOIN supervision_alerts a ON a.tenant_id = $1 AND a.id = m.id
   GROUP BY a.id, a.level, a.due, a.raised_at`;

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
    const [counted]: Array<{ total: number }> = await manager.query(`SELECT count(*)::int AS total FROM (${ADDRESSED}) addressed`, [tenantId, staffId]);
    const rows: Array<{ id: string; as_handler: boolean; as_head: boolean }> = await manager.query(
      `SELECT id, as_handler, as_head FROM (${ADDRESSED}) addressed
        ORDER BY level_rank, due ASC NULLS LAST, raised_at, id
        LIMIT $3 OFFSET $4`,
      [tenantId, staffId, page.limit, page.offset],
    );
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
