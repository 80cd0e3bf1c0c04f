import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Append-only: the runtime role can insert and read audit events, never change or delete them. */
export class AuditEvents1795780000400 implements MigrationInterface {
  name = 'AuditEvents1795780000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_events (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_kind text NOT NULL,
        actor_id text,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text,
        CONSTRAINT audit_events_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT audit_events_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT audit_events_actor_kind_check CHECK (actor_kind IN ('staff', 'applicant', 'system'))
      )`);
    await runner.query('CREATE INDEX audit_events_tenant_occurred_idx ON audit_events (tenant_id, occurred_at)');
    await isolateTenantTable(runner, 'audit_events', ['SELECT', 'INSERT']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_events');
  }
}
