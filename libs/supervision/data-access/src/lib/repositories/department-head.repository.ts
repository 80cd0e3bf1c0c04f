import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';

/** A department of the centre with the staff who head it (none: an empty list). */
export interface DepartmentHeadsRow {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  heads: Array<{ staffId: string; staffName: string; active: boolean; assignedAt: string }>;
}

/**
 * Who heads which department (supervision_department_heads). Departments and staff belong to the
 * catalogue and org scopes: they are read here by SQL, never changed.
 */
@Injectable()
export class DepartmentHeadRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every department of the centre in the catalogue's order, each with its heads by name. */
  async list(tenantId: string): Promise<DepartmentHeadsRow[]> {
    const rows: Array<{ id: string; code: string; name: string; heads: DepartmentHeadsRow['heads'] }> = await this.uow.manager({ tenantId }).query(
      `SELECT d.id, d.code, d.name,
              coalesce(jsonb_agg(jsonb_build_object('staffId', s.id, 'staffName', s.name, 'active', s.active, 'assignedAt', h.assigned_at)
                                 ORDER BY s.name, s.id) FILTER (WHERE h.staff_id IS NOT NULL), '[]'::jsonb) AS heads
         FROM departments d
         LEFT JOIN supervision_department_heads h ON h.tenant_id = d.tenant_id AND h.department_id = d.id
         LEFT JOIN staff s ON s.tenant_id = h.tenant_id AND s.id = h.staff_id
        WHERE d.tenant_id = $1
        GROUP BY d.id, d.code, d.name, d.ordering
        ORDER BY d.ordering, d.code`,
      [tenantId],
    );
    return rows.map((row) => ({
      departmentId: row.id,
      departmentCode: row.code,
      departmentName: row.name,
      // jsonb turns the timestamp into text without the ISO 'T'; give the API's ISO instants.
      heads: row.heads.map((head) => ({ ...head, assignedAt: new Date(head.assignedAt).toISOString() })),
    }));
  }

  async departmentExists(tenantId: string, departmentId: string): Promise<boolean> {
    const rows: unknown[] = await this.uow.manager({ tenantId }).query('SELECT 1 FROM departments WHERE tenant_id = $1 AND id = $2', [tenantId, departmentId]);
    return rows.length > 0;
  }

  /** The active staff who head the department (a deactivated head no longer speaks for it). */
  async activeHeadsOf(tenantId: string, departmentId: string): Promise<string[]> {
    const rows: Array<{ staff_id: string }> = await this.uow.manager({ tenantId }).query(
      `SELECT h.staff_id FROM supervision_department_heads h JOIN staff s ON s.tenant_id = h.tenant_id AND s.id = h.staff_id AND s.active
        WHERE h.tenant_id = $1 AND h.department_id = $2`,
      [tenantId, departmentId],
    );
    return rows.map((row) => row.staff_id);
  }

  /** Those of `staffIds` that are active staff of the centre. */
  async activeStaffAmong(tenantId: string, staffIds: readonly string[]): Promise<Set<string>> {
    if (staffIds.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.uow.manager({ tenantId }).query(
      'SELECT id FROM staff WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND active',
      [tenantId, staffIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Makes `staffIds` the department's heads: the others are removed, the new ones added; a head
   * kept keeps the time they were first assigned. A concurrent replacement adding the same person
   * is tolerated (ON CONFLICT), so the last one to commit decides who is removed.
   */
  async replace(tenantId: string, departmentId: string, staffIds: readonly string[], assignedBy: string | null, now: Date): Promise<void> {
    const manager = this.uow.manager({ tenantId });
    await manager.query('DELETE FROM supervision_department_heads WHERE tenant_id = $1 AND department_id = $2 AND NOT (staff_id = ANY($3::uuid[]))', [
      tenantId,
      departmentId,
      staffIds,
    ]);
    if (staffIds.length === 0) return;
    await manager.query(
      `INSERT INTO supervision_department_heads (tenant_id, department_id, staff_id, assigned_at, assigned_by)
       SELECT $1, $2, staff_id, $4, $5 FROM unnest($3::uuid[]) AS heads (staff_id)
       ON CONFLICT (tenant_id, department_id, staff_id) DO NOTHING`,
      [tenantId, departmentId, staffIds, now, assignedBy],
    );
  }

  /**
   * Demo seed: makes the active staff member with this username head of every department of the
   * centre that has no head yet; returns how many departments it now heads by this call.
   */
  async headDepartmentsWithoutHead(tenantId: string, username: string, now: Date): Promise<number> {
    const rows: unknown[] = await this.uow.manager({ tenantId }).query(
      `INSERT INTO supervision_department_heads (tenant_id, department_id, staff_id, assigned_at)
       SELECT d.tenant_id, d.id, s.id, $3
         FROM departments d JOIN staff s ON s.tenant_id = d.tenant_id AND s.username = $2 AND s.active
        WHERE d.tenant_id = $1
          AND NOT EXISTS (SELECT 1 FROM supervision_department_heads h WHERE h.tenant_id = d.tenant_id AND h.department_id = d.id)
       ON CONFLICT (tenant_id, department_id, staff_id) DO NOTHING
       RETURNING department_id`,
      [tenantId, username, now],
    );
    return rows.length;
  }
}
