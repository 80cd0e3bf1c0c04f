import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor's board at scale (10 M cases: hundreds of thousands of open cases per centre).
 *
 * - `supervision_sweep_leases.board`: the board's counts and its risk list, written by the sweep
 *   at the end of each sweep of the centre, in the sweep's transaction. A board request reads one
 *   row instead of counting every open case and alert per request (seconds at 1 M cases).
 * - An index of the open red alerts by case: the board's due-soon list and the roll-up's counts
 *   ask "has this case an open red alert?" for every open yellow alert; without it each probe
 *   walks the centre's red alerts (quadratic, minutes at 5 M cases before ANALYZE).
 */
export class SupervisionBoardSummary1795820001000 implements MigrationInterface {
  name = 'SupervisionBoardSummary1795820001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE supervision_sweep_leases ADD COLUMN board jsonb');
    await runner.query(
      `CREATE INDEX supervision_alerts_open_red_case_idx ON supervision_alerts (tenant_id, application_id) WHERE resolved_at IS NULL AND level = 'red'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX supervision_alerts_open_red_case_idx');
    await runner.query('ALTER TABLE supervision_sweep_leases DROP COLUMN board');
  }
}
