import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a centre's case levels may lag its alerts (CaseLevelProjection), on the centre's lease
 * row so that every replica reads what the last catch-up, wherever it ran, left: true until a
 * catch-up completes without skipping a case, so each existing centre is caught up once.
 */
export class SupervisionCaseLevelLag1795820001500 implements MigrationInterface {
  name = 'SupervisionCaseLevelLag1795820001500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE supervision_sweep_leases ADD COLUMN levels_behind boolean NOT NULL DEFAULT true');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE supervision_sweep_leases DROP COLUMN levels_behind');
  }
}
