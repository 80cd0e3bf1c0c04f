import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 代收补正: a case forwarded from a counter and returned with a one-time notice is corrected at the
 * same counter. The intake remembers when it last sent corrected materials up (and how often); the
 * handling centre finds the case by the intake it came from, so that lookup gets an index.
 */
export class CounterSupplements1795800000800 implements MigrationInterface {
  name = 'CounterSupplements1795800000800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE counter_intakes
        ADD COLUMN supplemented_at timestamptz,
        ADD COLUMN supplement_count integer NOT NULL DEFAULT 0`);
    await runner.query(`
      CREATE UNIQUE INDEX applications_counter_intake_idx ON applications (tenant_id, receiving_centre, counter_intake_id)
        WHERE counter_intake_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX applications_counter_intake_idx');
    await runner.query('ALTER TABLE counter_intakes DROP COLUMN supplement_count, DROP COLUMN supplemented_at');
  }
}
