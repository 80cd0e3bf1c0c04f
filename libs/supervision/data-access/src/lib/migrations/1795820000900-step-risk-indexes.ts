import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The predicted overdue risk reads a centre's open steps and its recently finished ones
 * (StepHistoryReader). Without these, both are scans of every step the centre ever had.
 */
export class SupervisionStepRiskIndexes1795820000900 implements MigrationInterface {
  name = 'SupervisionStepRiskIndexes1795820000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX application_steps_open_idx ON application_steps (tenant_id, started_at) WHERE finished_at IS NULL');
    await runner.query('CREATE INDEX application_steps_finished_idx ON application_steps (tenant_id, finished_at) WHERE finished_at IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX application_steps_finished_idx');
    await runner.query('DROP INDEX application_steps_open_idx');
  }
}
