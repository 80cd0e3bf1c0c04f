import { RUNTIME_GROUP_ROLE } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets the sweep refresh the planner's statistics of `supervision_alerts` after it raised or
 * resolved many alerts at once (the first sweep after a deployment, a restore or an outage raises
 * tens of thousands). The board's queries ask, for each open yellow alert, whether its case has an
 * open red one; planned on the statistics of a nearly empty table, that probe walks every open red
 * alert of the centre and the board hangs for minutes (observed at 5 and 10 M cases), until
 * autovacuum analyzes the table — after the sweep's transaction commits, and only if autovacuum is
 * on and not behind. ANALYZE needs the table's owner: the runtime role gets this one function,
 * which does nothing else.
 */
export class SupervisionAlertStatistics1795820001200 implements MigrationInterface {
  name = 'SupervisionAlertStatistics1795820001200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION supervision_refresh_alert_statistics() RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        ANALYZE public.supervision_alerts;
      END
      $$`);
    await runner.query('REVOKE ALL ON FUNCTION supervision_refresh_alert_statistics() FROM PUBLIC');
    await runner.query(`GRANT EXECUTE ON FUNCTION supervision_refresh_alert_statistics() TO ${RUNTIME_GROUP_ROLE}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION supervision_refresh_alert_statistics()');
  }
}
