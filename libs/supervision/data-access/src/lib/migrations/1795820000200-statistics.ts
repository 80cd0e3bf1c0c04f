import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics counters, maintained incrementally: the sweep folds each new event of the centre's
 * event log (application_events, whose per-centre seq is allocated under the chain-head lock, so
 * committed events always form a prefix) into per-day counters, and moves the centre's watermark
 * in the same transaction, so every event is counted exactly once.
 */
export class SupervisionStatistics1795820000200 implements MigrationInterface {
  name = 'SupervisionStatistics1795820000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE supervision_stat_counters (
        tenant_id text NOT NULL,
        dimension text NOT NULL,
        key text NOT NULL,
        day date NOT NULL,
        label text NOT NULL DEFAULT '',
        received integer NOT NULL DEFAULT 0,
        accepted integer NOT NULL DEFAULT 0,
        completed integer NOT NULL DEFAULT 0,
        completed_on_time integer NOT NULL DEFAULT 0,
        overdue_completed integer NOT NULL DEFAULT 0,
        handling_working_days bigint NOT NULL DEFAULT 0,
        immediate_received integer NOT NULL DEFAULT 0,
        staff_actions integer NOT NULL DEFAULT 0,
        CONSTRAINT supervision_stat_counters_pkey PRIMARY KEY (tenant_id, dimension, key, day),
        CONSTRAINT supervision_stat_counters_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT supervision_stat_counters_dimension_check CHECK (dimension IN ('centre', 'department', 'item', 'staff'))
      )`);
    // A period query reads one dimension's days in range, for every key.
    await runner.query('CREATE INDEX supervision_stat_counters_day_idx ON supervision_stat_counters (tenant_id, dimension, day)');
    await isolateTenantTable(runner, 'supervision_stat_counters', ['SELECT', 'INSERT', 'UPDATE']);

    await runner.query(`
      CREATE TABLE supervision_stat_watermarks (
        tenant_id text NOT NULL,
        last_event_seq bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT supervision_stat_watermarks_pkey PRIMARY KEY (tenant_id),
        CONSTRAINT supervision_stat_watermarks_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code)
      )`);
    await isolateTenantTable(runner, 'supervision_stat_watermarks', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE supervision_stat_watermarks');
    await runner.query('DROP TABLE supervision_stat_counters');
  }
}
