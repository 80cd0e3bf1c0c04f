import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-centre calendar overrides on top of the national schedule (closures, extra service days).
 * One row per centre and date; the reason is shown to applicants, so it may not be blank.
 */
export class CalendarOverrides1795785000100 implements MigrationInterface {
  name = 'CalendarOverrides1795785000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE calendar_overrides (
        tenant_id text NOT NULL,
        date date NOT NULL,
        kind text NOT NULL,
        reason text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_overrides_pkey PRIMARY KEY (tenant_id, date),
        CONSTRAINT calendar_overrides_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT calendar_overrides_kind_check CHECK (kind IN ('closed', 'open')),
        CONSTRAINT calendar_overrides_reason_check CHECK (btrim(reason) <> '' AND char_length(reason) <= 200)
      )`);
    await isolateTenantTable(runner, 'calendar_overrides', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE calendar_overrides');
  }
}
