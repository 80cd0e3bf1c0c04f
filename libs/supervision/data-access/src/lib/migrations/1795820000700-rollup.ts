import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roll-up across levels: the latest `supervision.snapshot.v1` each centre beneath a centre has sent
 * it (a row in the receiving centre's tenant, one per sending centre), and each centre's own send
 * state (when it last sent, so several replicas do not all send). Aggregates only: no personal data.
 * Tenant tables with row-level security enabled and forced, like the other supervision tables.
 */
export class SupervisionRollup1795820000700 implements MigrationInterface {
  name = 'SupervisionRollup1795820000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE supervision_rollup_snapshots (
        tenant_id text NOT NULL,
        centre_code text NOT NULL,
        centre_name text NOT NULL,
        level text NOT NULL,
        parent_code text,
        generated_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        envelope_id uuid NOT NULL,
        snapshot jsonb NOT NULL,
        CONSTRAINT supervision_rollup_snapshots_pkey PRIMARY KEY (tenant_id, centre_code),
        CONSTRAINT supervision_rollup_snapshots_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT supervision_rollup_snapshots_centre_check CHECK (centre_code ~ '^[0-9]{6}$' AND centre_code <> tenant_id),
        CONSTRAINT supervision_rollup_snapshots_level_check CHECK (level IN ('city', 'county')),
        CONSTRAINT supervision_rollup_snapshots_snapshot_check CHECK (jsonb_typeof(snapshot) = 'object' AND snapshot->>'centreCode' = centre_code)
      )`);
    await isolateTenantTable(runner, 'supervision_rollup_snapshots', ['SELECT', 'INSERT', 'UPDATE']);

    await runner.query(`
      CREATE TABLE supervision_rollup_sends (
        tenant_id text NOT NULL,
        last_generated_at timestamptz,
        last_recipients text[] NOT NULL DEFAULT '{}',
        CONSTRAINT supervision_rollup_sends_pkey PRIMARY KEY (tenant_id),
        CONSTRAINT supervision_rollup_sends_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code)
      )`);
    await isolateTenantTable(runner, 'supervision_rollup_sends', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE supervision_rollup_sends');
    await runner.query('DROP TABLE supervision_rollup_snapshots');
  }
}
