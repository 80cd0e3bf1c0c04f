import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery of alerts to the recipients a rule names (`notify`).
 *
 * - `supervision_department_heads`: who heads which department at a centre, so an alert naming
 *   `department_head` reaches them. Supervision owns it (the org and catalogue scopes have no
 *   staff–department link); a department may have several heads and a person head several.
 * - Two partial indexes of the open alerts, for a staff member's own list ("my alerts"): by holder
 *   (`handler`) and by department (`department_head`); without them each request walks every open
 *   alert of the centre (hundreds of thousands at scale).
 */
export class SupervisionDepartmentHeads1795820001100 implements MigrationInterface {
  name = 'SupervisionDepartmentHeads1795820001100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE supervision_department_heads (
        tenant_id text NOT NULL,
        department_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        assigned_by uuid,
        CONSTRAINT supervision_department_heads_pkey PRIMARY KEY (tenant_id, department_id, staff_id),
        CONSTRAINT supervision_department_heads_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT supervision_department_heads_department_fkey FOREIGN KEY (tenant_id, department_id) REFERENCES departments (tenant_id, id),
        CONSTRAINT supervision_department_heads_staff_fkey FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
      )`);
    // The departments a staff member heads (the my-alerts query starts from the caller).
    await runner.query('CREATE INDEX supervision_department_heads_staff_idx ON supervision_department_heads (tenant_id, staff_id)');
    // Replacing a department's heads deletes its rows and inserts the new ones: no UPDATE.
    await isolateTenantTable(runner, 'supervision_department_heads', ['SELECT', 'INSERT', 'DELETE']);

    await runner.query('CREATE INDEX supervision_alerts_open_holder_idx ON supervision_alerts (tenant_id, holder_id) WHERE resolved_at IS NULL');
    await runner.query('CREATE INDEX supervision_alerts_open_department_idx ON supervision_alerts (tenant_id, department_id) WHERE resolved_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX supervision_alerts_open_department_idx');
    await runner.query('DROP INDEX supervision_alerts_open_holder_idx');
    await runner.query('DROP TABLE supervision_department_heads');
  }
}
