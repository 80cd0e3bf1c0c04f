import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { SupervisionAlertEntity } from '../entities/supervision-alert.entity';

/** Why an alert reached a staff member: the rule names the recipient and the staff member is it. */
export type DeliveryReason = 'handler' | 'department_head';

export interface RecipientAlert {
  alert: SupervisionAlertEntity;
  reasons: DeliveryReason[];
}

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
    const asHandler = `('handler' = ANY(a.notify) AND a.holder_id = :staffId)`;
    // An IN over the caller's departments (few rows) lets the planner use the open-by-department index.
    const asHead = `('department_head' = ANY(a.notify) AND a.department_id IN (
      SELECT h.department_id FROM supervision_department_heads h WHERE h.tenant_id = :tenantId AND h.staff_id = :staffId))`;
    const query = this.uow
      .manager({ tenantId })
      .getRepository(SupervisionAlertEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.resolved_at IS NULL', { tenantId, staffId })
      .andWhere(`(${asHandler} OR ${asHead})`);
    const total = await query.getCount();
    const { entities, raw } = await query
      .clone()
      .addSelect(`coalesce(${asHandler}, false)`, 'as_handler')
      .addSelect(`coalesce(${asHead}, false)`, 'as_head')
      .orderBy(`CASE WHEN a.level = 'red' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('a.due', 'ASC', 'NULLS LAST')
      .addOrderBy('a.raised_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getRawAndEntities<{ a_id: string; as_handler: boolean; as_head: boolean }>();
    // Without joins TypeORM returns one entity per raw row; match them by id all the same.
    const reasonsById = new Map(raw.map((row) => [row.a_id, reasonsOf(row)]));
    return { items: entities.map((alert) => ({ alert, reasons: reasonsById.get(alert.id) ?? [] })), total };
  }
}

function reasonsOf(row: { as_handler: boolean; as_head: boolean }): DeliveryReason[] {
  const reasons: DeliveryReason[] = [];
  if (row.as_handler) reasons.push('handler');
  if (row.as_head) reasons.push('department_head');
  return reasons;
}
