import { isolateApplicantOwnedTenantTable, isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 好差评: one rating per finished step and one for the case (GB/T 39734); a bad rating opens a
 * rectification case with its own deadline. Per-centre settings hold the local-practice numbers.
 */
export class Ratings1795800000300 implements MigrationInterface {
  name = 'Ratings1795800000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ratings (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        application_id uuid NOT NULL,
        applicant_id uuid NOT NULL,
        step_seq integer,
        subject_key text GENERATED ALWAYS AS (coalesce(step_seq::text, 'case')) STORED,
        level text NOT NULL,
        indicators text[] NOT NULL DEFAULT '{}',
        comment text,
        channel smallint NOT NULL,
        handler_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ratings_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT ratings_application_fkey FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CONSTRAINT ratings_level_check CHECK (level IN ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')),
        CONSTRAINT ratings_channel_check CHECK (channel BETWEEN 1 AND 7)
      )`);
    await runner.query('CREATE UNIQUE INDEX ratings_one_per_subject_key ON ratings (tenant_id, application_id, subject_key)');
    await isolateApplicantOwnedTenantTable(runner, 'ratings', 'applicant_id', ['SELECT', 'INSERT']);

    await runner.query(`
      CREATE TABLE rectifications (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        rating_id uuid NOT NULL,
        application_id uuid NOT NULL,
        case_number text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        due date NOT NULL,
        due_provisional boolean NOT NULL DEFAULT false,
        responsible_staff_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rectifications_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT rectifications_rating_fkey FOREIGN KEY (tenant_id, rating_id) REFERENCES ratings (tenant_id, id),
        CONSTRAINT rectifications_status_check CHECK (status IN ('open', 'valid', 'invalid', 'appealed', 'rectifying', 'done', 'cannot_fix'))
      )`);
    await runner.query('CREATE UNIQUE INDEX rectifications_rating_key ON rectifications (tenant_id, rating_id)');
    await runner.query('CREATE INDEX rectifications_tenant_status_idx ON rectifications (tenant_id, status, due)');
    await isolateTenantTable(runner, 'rectifications', ['SELECT', 'INSERT', 'UPDATE']);

    await runner.query(`
      CREATE TABLE approval_settings (
        tenant_id text NOT NULL,
        rectification_working_days integer NOT NULL DEFAULT 15,
        pre_review_working_days integer NOT NULL DEFAULT 5,
        yellow_within_working_days integer NOT NULL DEFAULT 2,
        after_hours_cutoff text,
        CONSTRAINT approval_settings_pkey PRIMARY KEY (tenant_id),
        CONSTRAINT approval_settings_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT approval_settings_cutoff_check CHECK (after_hours_cutoff IS NULL OR after_hours_cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
      )`);
    await isolateTenantTable(runner, 'approval_settings', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE approval_settings');
    await runner.query('DROP TABLE rectifications');
    await runner.query('DROP TABLE ratings');
  }
}
