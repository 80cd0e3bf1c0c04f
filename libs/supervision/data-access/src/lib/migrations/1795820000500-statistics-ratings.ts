import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the issue-6 indicators: 好差评 counters (ratings, case ratings, satisfied, bad
 * reviews, and of those bad reviews the rectified and the invalid ones), and staff members credited
 * with what their own actions did (accepted, completed…, not only the count of actions).
 *
 * Ratings and rectification cases are not in the event log, so their changes are queued, in the
 * transaction that made them, by triggers into `supervision_stat_inbox` (the trigger runs as the
 * caller, under the same RLS as the rating itself); the sweep folds the queue under the centre's
 * lease and deletes what it folded in the same transaction, so each change counts exactly once.
 *
 * The counters are refolded from scratch (counters emptied, watermarks back to 0): the staff
 * dimension counts more than before, and a period sum must not mix the old and the new rules. The
 * sweep catches up over its next runs (100,000 events per centre per sweep).
 */
export class SupervisionStatisticsRatings1795820000500 implements MigrationInterface {
  name = 'SupervisionStatisticsRatings1795820000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE supervision_stat_counters
        ADD COLUMN ratings integer NOT NULL DEFAULT 0,
        ADD COLUMN case_ratings integer NOT NULL DEFAULT 0,
        ADD COLUMN satisfied_ratings integer NOT NULL DEFAULT 0,
        ADD COLUMN bad_reviews integer NOT NULL DEFAULT 0,
        ADD COLUMN bad_reviews_rectified integer NOT NULL DEFAULT 0,
        ADD COLUMN bad_reviews_invalid integer NOT NULL DEFAULT 0`);

    await runner.query(`
      CREATE TABLE supervision_stat_inbox (
        tenant_id text NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        kind text NOT NULL,
        application_id uuid NOT NULL,
        -- The rating's time (for a rectification: its bad review's), whose China date is the counters' day.
        occurred_at timestamptz NOT NULL,
        level text,
        case_rating boolean,
        staff_id uuid,
        from_status text,
        to_status text,
        CONSTRAINT supervision_stat_inbox_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT supervision_stat_inbox_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT supervision_stat_inbox_kind_check CHECK (kind IN ('rating', 'rectification'))
      )`);
    // Inserted by the triggers (as the rater or the handler), read and deleted by the sweep.
    await isolateTenantTable(runner, 'supervision_stat_inbox', ['SELECT', 'INSERT', 'DELETE']);

    await runner.query(`
      CREATE FUNCTION supervision_stat_queue_rating() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO supervision_stat_inbox (tenant_id, kind, application_id, occurred_at, level, case_rating, staff_id)
        VALUES (NEW.tenant_id, 'rating', NEW.application_id, NEW.created_at, NEW.level, NEW.step_seq IS NULL, NEW.handler_id);
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER ratings_supervision_stat AFTER INSERT ON ratings
        FOR EACH ROW EXECUTE FUNCTION supervision_stat_queue_rating()`);

    await runner.query(`
      CREATE FUNCTION supervision_stat_queue_rectification() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status THEN
          RETURN NULL;
        END IF;
        INSERT INTO supervision_stat_inbox (tenant_id, kind, application_id, occurred_at, staff_id, from_status, to_status)
        VALUES (NEW.tenant_id, 'rectification', NEW.application_id, NEW.created_at, NEW.responsible_staff_id,
                CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status);
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER rectifications_supervision_stat AFTER INSERT OR UPDATE OF status ON rectifications
        FOR EACH ROW EXECUTE FUNCTION supervision_stat_queue_rectification()`);

    // Refold everything: the event counters from the log, the ratings and rectifications as they are.
    await runner.query('TRUNCATE supervision_stat_counters');
    await runner.query('TRUNCATE supervision_stat_watermarks');
    await runner.query(`
      DO $$
      DECLARE centre text;
      BEGIN
        FOR centre IN SELECT code FROM centres LOOP
          PERFORM set_config('app.tenant_id', centre, true);
          INSERT INTO supervision_stat_inbox (tenant_id, kind, application_id, occurred_at, level, case_rating, staff_id)
            SELECT tenant_id, 'rating', application_id, created_at, level, step_seq IS NULL, handler_id
              FROM ratings WHERE tenant_id = centre ORDER BY created_at;
          INSERT INTO supervision_stat_inbox (tenant_id, kind, application_id, occurred_at, staff_id, from_status, to_status)
            SELECT tenant_id, 'rectification', application_id, created_at, responsible_staff_id, NULL, status
              FROM rectifications WHERE tenant_id = centre ORDER BY created_at;
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER rectifications_supervision_stat ON rectifications');
    await runner.query('DROP FUNCTION supervision_stat_queue_rectification()');
    await runner.query('DROP TRIGGER ratings_supervision_stat ON ratings');
    await runner.query('DROP FUNCTION supervision_stat_queue_rating()');
    await runner.query('DROP TABLE supervision_stat_inbox');
    await runner.query(`
      ALTER TABLE supervision_stat_counters
        DROP COLUMN ratings, DROP COLUMN case_ratings, DROP COLUMN satisfied_ratings,
        DROP COLUMN bad_reviews, DROP COLUMN bad_reviews_rectified, DROP COLUMN bad_reviews_invalid`);
  }
}
