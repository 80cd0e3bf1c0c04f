import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sweep keeps applications.supervision_level (CaseLevelProjection). To find the cases to set
 * back to normal it reads those not normal, a few among millions: without this index, a scan of
 * the centre's every case each minute.
 */
export class SupervisionCaseLevel1795820001400 implements MigrationInterface {
  name = 'SupervisionCaseLevel1795820001400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX applications_supervision_level_idx ON applications (tenant_id, id) WHERE supervision_level <> 'normal'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX applications_supervision_level_idx');
  }
}
