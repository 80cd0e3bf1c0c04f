import { isolateApplicantOwnedTenantTable, RUNTIME_GROUP_ROLE } from '@zhengwu/server/core/database';
import { NOTIFICATION_LOCALES } from '@zhengwu/shared/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NOTIFICATION_DELIVERY_STATUSES } from '../notification.entity';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * The applicant notification outbox. No foreign key to `applicants`: an applicant registered at
 * another deployment (tokens are verifiable everywhere) still gets notifications here.
 */
export class Notifications1795795000000 implements MigrationInterface {
  name = 'Notifications1795795000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE notifications (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        applicant_id uuid NOT NULL,
        template text NOT NULL,
        locale text NOT NULL,
        params jsonb NOT NULL,
        subject_zh text NOT NULL,
        subject_en text NOT NULL,
        body_zh text NOT NULL,
        body_en text NOT NULL,
        case_number text,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT notifications_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT notifications_locale_check CHECK (locale IN (${list(NOTIFICATION_LOCALES)})),
        CONSTRAINT notifications_params_check CHECK (jsonb_typeof(params) = 'object'),
        CONSTRAINT notifications_status_check CHECK (status IN (${list(NOTIFICATION_DELIVERY_STATUSES)})),
        CONSTRAINT notifications_attempts_check CHECK (attempts >= 0),
        CONSTRAINT notifications_sent_check CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    // The relay's work list: only rows still to deliver, per centre, soonest first.
    await runner.query(
      `CREATE INDEX notifications_tenant_due_idx ON notifications (tenant_id, next_attempt_at) WHERE status IN ('pending', 'failed')`,
    );
    // An applicant's list spans every centre they dealt with (no tenant in scope), so this one
    // index leads with the applicant; distributed by tenant_id it simply stays a per-shard index.
    await runner.query('CREATE INDEX notifications_applicant_created_idx ON notifications (applicant_id, created_at)');
    // No DELETE: notifications are the record of what the applicant was told.
    await isolateApplicantOwnedTenantTable(runner, 'notifications', 'applicant_id', ['SELECT', 'INSERT', 'UPDATE']);

    // Which of the given centres have notifications due, in one round trip instead of one
    // transaction per hosted centre per relay tick (a deployment may host 205 centres). It is
    // SECURITY INVOKER on purpose: it runs as the runtime role, row-level security applies to every
    // probe, and it sees nothing the role could not see by scoping a transaction to each centre in
    // turn, which is exactly what it does (set_config per centre, restored before returning). It
    // returns centre codes only; the rows are then claimed in a unit of work scoped to each centre.
    await runner.query(`
      CREATE FUNCTION notifications_due_centres(centres text[], due_at timestamptz) RETURNS text[]
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
      DECLARE
        outer_tenant text := current_setting('app.tenant_id', true);
        centre text;
        due text[] := '{}';
      BEGIN
        FOREACH centre IN ARRAY centres LOOP
          PERFORM set_config('app.tenant_id', centre, true);
          IF EXISTS (
            SELECT 1 FROM public.notifications n
            WHERE n.tenant_id = centre AND n.status IN ('pending', 'failed') AND n.next_attempt_at <= due_at
          ) THEN
            due := due || centre;
          END IF;
        END LOOP;
        PERFORM set_config('app.tenant_id', coalesce(outer_tenant, ''), true);
        RETURN due;
      END
      $$`);
    await runner.query('REVOKE ALL ON FUNCTION notifications_due_centres(text[], timestamptz) FROM PUBLIC');
    await runner.query(`GRANT EXECUTE ON FUNCTION notifications_due_centres(text[], timestamptz) TO ${RUNTIME_GROUP_ROLE}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION notifications_due_centres(text[], timestamptz)');
    await runner.query('DROP TABLE notifications');
  }
}
