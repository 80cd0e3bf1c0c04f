import { isolateApplicantOwnedTenantTable, isolateTenantTable, RUNTIME_GROUP_ROLE } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The check of paper originals (原件核验), possibly at another centre (就地就近): the handling centre
 * records each request and the signed attestation it got back (`originals_checks`); the verifying
 * centre works its own queue (`verification_tasks`) in its own tenant. A material whose original
 * was seen to match becomes trust level B (国办函〔2016〕108号).
 */
export class OriginalsChecks1795800000400 implements MigrationInterface {
  name = 'OriginalsChecks1795800000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE application_materials ADD COLUMN trust_level text NOT NULL DEFAULT 'C'`);
    await runner.query(
      `ALTER TABLE application_materials ADD CONSTRAINT application_materials_trust_level_check CHECK (trust_level IN ('A', 'B', 'C', 'D'))`,
    );
    // Only the trust level of a stored version may change; the version itself never does.
    await runner.query(`GRANT UPDATE (trust_level) ON application_materials TO ${RUNTIME_GROUP_ROLE}`);

    await runner.query(`ALTER TABLE approval_settings ADD COLUMN verification_working_days integer NOT NULL DEFAULT 3`);
    // A notice raised by the system (an originals check that did not match) has no staff sender.
    await runner.query('ALTER TABLE application_notices ALTER COLUMN sent_by DROP NOT NULL');

    await runner.query(`
      CREATE TABLE originals_checks (
        tenant_id text NOT NULL,
        application_id uuid NOT NULL,
        seq integer NOT NULL,
        applicant_id uuid NOT NULL,
        verifying_centre text NOT NULL,
        request_envelope_id uuid NOT NULL,
        request_hash text NOT NULL,
        requested_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'requested',
        results jsonb,
        identity_checked boolean,
        custody text,
        courier_number text,
        verified_by text,
        verified_at timestamptz,
        attestation_envelope_id uuid,
        attestation_signature text,
        completed_at timestamptz,
        paper_arrived_at timestamptz,
        CONSTRAINT originals_checks_pkey PRIMARY KEY (tenant_id, application_id, seq),
        CONSTRAINT originals_checks_application_fkey FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CONSTRAINT originals_checks_status_check CHECK (status IN ('requested', 'matched', 'mismatched')),
        CONSTRAINT originals_checks_custody_check CHECK (custody IS NULL OR custody IN ('returned_to_applicant', 'forwarded'))
      )`);
    await runner.query('CREATE UNIQUE INDEX originals_checks_request_hash_key ON originals_checks (tenant_id, request_hash)');
    await isolateApplicantOwnedTenantTable(runner, 'originals_checks', 'applicant_id', ['SELECT', 'INSERT', 'UPDATE']);

    await runner.query(`
      CREATE TABLE verification_tasks (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        handling_centre text NOT NULL,
        case_number text NOT NULL,
        item_name text NOT NULL,
        applicant jsonb NOT NULL,
        manifest jsonb NOT NULL,
        request_envelope_id uuid NOT NULL,
        request_hash text NOT NULL,
        request_envelope jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        due date,
        due_provisional boolean NOT NULL DEFAULT false,
        assignee_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        completed_by uuid,
        completed_by_name text,
        results jsonb,
        identity_checked boolean,
        custody text,
        courier_number text,
        CONSTRAINT verification_tasks_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT verification_tasks_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT verification_tasks_status_check CHECK (status IN ('pending', 'completed')),
        CONSTRAINT verification_tasks_custody_check CHECK (custody IS NULL OR custody IN ('returned_to_applicant', 'forwarded'))
      )`);
    await runner.query('CREATE UNIQUE INDEX verification_tasks_request_key ON verification_tasks (tenant_id, request_envelope_id)');
    await runner.query('CREATE INDEX verification_tasks_tenant_status_due_idx ON verification_tasks (tenant_id, status, due)');
    await isolateTenantTable(runner, 'verification_tasks', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE verification_tasks');
    await runner.query('DROP TABLE originals_checks');
    await runner.query('ALTER TABLE approval_settings DROP COLUMN verification_working_days');
    await runner.query(`REVOKE UPDATE (trust_level) ON application_materials FROM ${RUNTIME_GROUP_ROLE}`);
    await runner.query('ALTER TABLE application_materials DROP COLUMN trust_level');
  }
}
