import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly statistics counters beside the daily ones, written by the same fold in the same
 * transaction: a period reads its whole months here and only its partial edge months from the
 * daily table, so a year's item figures sum 12 rows per item instead of 365 (measured on 1.35 M
 * synthetic daily rows for one centre, 1,000 items: 1.7 s for a year of items from the daily table).
 * Filled from the daily counters of every centre.
 */
export class SupervisionStatisticsMonthly1795820000810 implements MigrationInterface {
  name = 'SupervisionStatisticsMonthly1795820000810';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE supervision_stat_counters_monthly (
        tenant_id text NOT NULL,
        dimension text NOT NULL,
        key text NOT NULL,
        month date NOT NULL,
        label text NOT NULL DEFAULT '',
        received integer NOT NULL DEFAULT 0,
        accepted integer NOT NULL DEFAULT 0,
        completed integer NOT NULL DEFAULT 0,
        completed_on_time integer NOT NULL DEFAULT 0,
        overdue_completed integer NOT NULL DEFAULT 0,
        handling_working_days bigint NOT NULL DEFAULT 0,
        immediate_received integer NOT NULL DEFAULT 0,
        staff_actions integer NOT NULL DEFAULT 0,
        ratings integer NOT NULL DEFAULT 0,
        case_ratings integer NOT NULL DEFAULT 0,
        satisfied_ratings integer NOT NULL DEFAULT 0,
        bad_reviews integer NOT NULL DEFAULT 0,
        bad_reviews_rectified integer NOT NULL DEFAULT 0,
        bad_reviews_invalid integer NOT NULL DEFAULT 0,
        CONSTRAINT supervision_stat_counters_monthly_pkey PRIMARY KEY (tenant_id, dimension, key, month),
        CONSTRAINT supervision_stat_counters_monthly_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT supervision_stat_counters_monthly_dimension_check CHECK (dimension IN ('centre', 'department', 'item', 'staff')),
        CONSTRAINT supervision_stat_counters_monthly_month_check CHECK (extract(day FROM month) = 1)
      )`);
    await runner.query('CREATE INDEX supervision_stat_counters_monthly_month_idx ON supervision_stat_counters_monthly (tenant_id, dimension, month)');
    await isolateTenantTable(runner, 'supervision_stat_counters_monthly', ['SELECT', 'INSERT', 'UPDATE']);
    await runner.query(`
      DO $$
      DECLARE centre text;
      BEGIN
        FOR centre IN SELECT code FROM centres LOOP
          PERFORM set_config('app.tenant_id', centre, true);
          INSERT INTO supervision_stat_counters_monthly (tenant_id, dimension, key, month, label, received, accepted, completed,
              completed_on_time, overdue_completed, handling_working_days, immediate_received, staff_actions, ratings, case_ratings,
              satisfied_ratings, bad_reviews, bad_reviews_rectified, bad_reviews_invalid)
            SELECT tenant_id, dimension, key, date_trunc('month', day)::date, max(label), sum(received), sum(accepted), sum(completed),
                   sum(completed_on_time), sum(overdue_completed), sum(handling_working_days), sum(immediate_received), sum(staff_actions),
                   sum(ratings), sum(case_ratings), sum(satisfied_ratings), sum(bad_reviews), sum(bad_reviews_rectified), sum(bad_reviews_invalid)
              FROM supervision_stat_counters
             WHERE tenant_id = centre
             GROUP BY tenant_id, dimension, key, date_trunc('month', day);
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE supervision_stat_counters_monthly');
  }
}
