import { isolateApplicantOwnedTenantTable, isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications (办件) and what hangs off them. The handling centre is the tenant; the applicant owns
 * the rows too (see applicantOwnedTenantPredicate), so they can follow their cases across centres.
 * Status, clock state, supervision level and result type are separate columns (DOMAIN.md).
 */
export class Applications1795800000100 implements MigrationInterface {
  name = 'Applications1795800000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE applications (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        applicant_id uuid NOT NULL,
        applicant_kind text NOT NULL,
        applicant_name text NOT NULL,
        applicant_identity_masked text NOT NULL,
        item_id uuid NOT NULL,
        item_name text NOT NULL,
        item_type_code text NOT NULL,
        department_name text NOT NULL,
        case_type text NOT NULL,
        procedure_version_id uuid NOT NULL,
        step_count integer NOT NULL,
        case_number text,
        query_code text,
        receiving_centre text NOT NULL,
        verification_centre text,
        status smallint NOT NULL,
        clock_state text NOT NULL,
        supervision_level text NOT NULL DEFAULT 'normal',
        result_type text,
        delivery_mode text NOT NULL DEFAULT 'electronic',
        current_step integer,
        current_post text,
        current_step_due date,
        current_assignee_id uuid,
        originals_check_required boolean NOT NULL,
        originals_check_point text NOT NULL DEFAULT 'after_approval',
        originals_verified boolean NOT NULL DEFAULT false,
        extension_used boolean NOT NULL DEFAULT false,
        extension_working_days integer NOT NULL DEFAULT 0,
        open_special_procedure text,
        notices_sent integer NOT NULL DEFAULT 0,
        promised_limit_value integer NOT NULL,
        promised_limit_unit text NOT NULL,
        legal_limit_value integer NOT NULL,
        legal_limit_unit text NOT NULL,
        promised_due date,
        legal_due date,
        deadlines_provisional boolean NOT NULL DEFAULT false,
        form_data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        accepted_at timestamptz,
        decided_at timestamptz,
        completed_at timestamptz,
        deemed_accepted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT applications_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT applications_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT applications_status_check CHECK (status IN (10, 12, 14, 16, 24, 26, 28, 30, 37, 40, 50, 90, 97, 98, 99)),
        CONSTRAINT applications_clock_state_check CHECK (clock_state IN ('not_started', 'running', 'paused', 'stopped')),
        CONSTRAINT applications_supervision_level_check CHECK (supervision_level IN ('normal', 'yellow', 'red')),
        CONSTRAINT applications_case_type_check CHECK (case_type IN ('immediate', 'promised')),
        CONSTRAINT applications_delivery_mode_check CHECK (delivery_mode IN ('window', 'post', 'electronic')),
        CONSTRAINT applications_case_number_check CHECK (case_number IS NOT NULL OR status IN (10, 98)),
        CONSTRAINT applications_current_step_check CHECK (current_step IS NULL OR (current_step >= 0 AND current_step < step_count))
      )`);
    await runner.query('CREATE UNIQUE INDEX applications_tenant_case_number_key ON applications (tenant_id, case_number)');
    await runner.query('CREATE INDEX applications_tenant_status_idx ON applications (tenant_id, status)');
    await runner.query('CREATE INDEX applications_tenant_post_due_idx ON applications (tenant_id, current_post, current_step_due)');
    await runner.query('CREATE INDEX applications_tenant_assignee_idx ON applications (tenant_id, current_assignee_id) WHERE current_assignee_id IS NOT NULL');
    await runner.query('CREATE INDEX applications_applicant_created_idx ON applications (applicant_id, created_at DESC)');
    await isolateApplicantOwnedTenantTable(runner, 'applications', 'applicant_id', ['SELECT', 'INSERT', 'UPDATE']);

    // Every uploaded version is kept: a replaced material is a new version, never an overwrite.
    await runner.query(`
      CREATE TABLE application_materials (
        tenant_id text NOT NULL,
        application_id uuid NOT NULL,
        applicant_id uuid NOT NULL,
        material_code text NOT NULL,
        version integer NOT NULL,
        sha256 text NOT NULL,
        size_bytes bigint NOT NULL,
        media_type text NOT NULL,
        file_name text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by_kind text NOT NULL,
        uploaded_by text NOT NULL,
        CONSTRAINT application_materials_pkey PRIMARY KEY (tenant_id, application_id, material_code, version),
        CONSTRAINT application_materials_application_fkey FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CONSTRAINT application_materials_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT application_materials_version_check CHECK (version >= 1)
      )`);
    await isolateApplicantOwnedTenantTable(runner, 'application_materials', 'applicant_id', ['SELECT', 'INSERT']);

    // One row per time a step is worked on (a returned step is worked on again: a new row).
    await runner.query(`
      CREATE TABLE application_steps (
        tenant_id text NOT NULL,
        application_id uuid NOT NULL,
        seq integer NOT NULL,
        applicant_id uuid NOT NULL,
        position integer NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        post text NOT NULL,
        limit_working_days integer NOT NULL,
        started_at timestamptz NOT NULL,
        due date,
        due_provisional boolean NOT NULL DEFAULT false,
        finished_at timestamptz,
        assignee_id uuid,
        assignee_name text,
        outcome text,
        handler_id uuid,
        handler_name text,
        comment text,
        CONSTRAINT application_steps_pkey PRIMARY KEY (tenant_id, application_id, seq),
        CONSTRAINT application_steps_application_fkey FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CONSTRAINT application_steps_outcome_check CHECK (outcome IS NULL OR outcome IN ('passed', 'returned', 'approved', 'denied', 'withdrawn', 'terminated'))
      )`);
    await isolateApplicantOwnedTenantTable(runner, 'application_steps', 'applicant_id', ['SELECT', 'INSERT', 'UPDATE']);

    // 一次性告知: each return carries the complete list of defects; overrides of §32 are recorded.
    await runner.query(`
      CREATE TABLE application_notices (
        tenant_id text NOT NULL,
        application_id uuid NOT NULL,
        seq integer NOT NULL,
        applicant_id uuid NOT NULL,
        sent_at timestamptz NOT NULL,
        sent_by uuid NOT NULL,
        defects jsonb NOT NULL,
        override_reason text,
        override_by uuid,
        CONSTRAINT application_notices_pkey PRIMARY KEY (tenant_id, application_id, seq),
        CONSTRAINT application_notices_application_fkey FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CONSTRAINT application_notices_defects_check CHECK (jsonb_typeof(defects) = 'array' AND jsonb_array_length(defects) > 0),
        CONSTRAINT application_notices_override_check CHECK ((override_reason IS NULL) = (override_by IS NULL))
      )`);
    await isolateApplicantOwnedTenantTable(runner, 'application_notices', 'applicant_id', ['SELECT', 'INSERT']);

    // Special procedures (行政许可法 §45): the clock pauses; each has a cap and resumes by itself.
    await runner.query(`
      CREATE TABLE application_pauses (
        tenant_id text NOT NULL,
        application_id uuid NOT NULL,
        seq integer NOT NULL,
        applicant_id uuid NOT NULL,
        kind text NOT NULL,
        reason text NOT NULL,
        started_at timestamptz NOT NULL,
        cap_working_days integer NOT NULL,
        resume_by date,
        ended_at timestamptz,
        ended_by text,
        CONSTRAINT application_pauses_pkey PRIMARY KEY (tenant_id, application_id, seq),
        CONSTRAINT application_pauses_application_fkey FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CONSTRAINT application_pauses_cap_check CHECK (cap_working_days > 0)
      )`);
    await runner.query('CREATE INDEX application_pauses_open_idx ON application_pauses (tenant_id, resume_by) WHERE ended_at IS NULL');
    await isolateApplicantOwnedTenantTable(runner, 'application_pauses', 'applicant_id', ['SELECT', 'INSERT', 'UPDATE']);

    // A retried submit (same key) returns the first result instead of making a second case.
    await runner.query(`
      CREATE TABLE idempotency_keys (
        tenant_id text NOT NULL,
        applicant_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (tenant_id, applicant_id, key),
        CONSTRAINT idempotency_keys_key_check CHECK (length(key) BETWEEN 8 AND 128)
      )`);
    await isolateApplicantOwnedTenantTable(runner, 'idempotency_keys', 'applicant_id', ['SELECT', 'INSERT']);

    await runner.query(`
      CREATE TABLE case_number_sequences (
        tenant_id text NOT NULL,
        day date NOT NULL,
        last_value integer NOT NULL,
        CONSTRAINT case_number_sequences_pkey PRIMARY KEY (tenant_id, day),
        CONSTRAINT case_number_sequences_range_check CHECK (last_value BETWEEN 1 AND 999999)
      )`);
    await isolateTenantTable(runner, 'case_number_sequences', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['case_number_sequences', 'idempotency_keys', 'application_pauses', 'application_notices', 'application_steps', 'application_materials', 'applications']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
