import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handling of a rectification case (差评整改) after it is opened: the deadline's one extension (the
 * first deadline is kept), the note of the last decision and who took it, and the follow-up call
 * to the applicant. The table keeps its row-level security (SELECT, INSERT, UPDATE by tenant).
 */
export class RectificationHandling1795800000600 implements MigrationInterface {
  name = 'RectificationHandling1795800000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE rectifications
        ADD COLUMN first_due date,
        ADD COLUMN extended_at timestamptz,
        ADD COLUMN note text,
        ADD COLUMN handled_by_name text,
        ADD COLUMN follow_up_at timestamptz,
        ADD COLUMN follow_up_note text,
        ADD COLUMN follow_up_by_name text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE rectifications
        DROP COLUMN follow_up_by_name,
        DROP COLUMN follow_up_note,
        DROP COLUMN follow_up_at,
        DROP COLUMN handled_by_name,
        DROP COLUMN note,
        DROP COLUMN extended_at,
        DROP COLUMN first_due`);
  }
}
