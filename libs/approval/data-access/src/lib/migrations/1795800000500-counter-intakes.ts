import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counter intake (窗口代收, 异地代收代办): a window clerk files an application for a walk-in
 * applicant, for an item of this centre or of any other. The intake lives at the receiving centre
 * (scans, the on-the-spot originals check, the status reported back); the case itself is created at
 * the handling centre from the routed `application.forwarded.v1`, and remembers the intake it came
 * from so that every change of status is routed back to the counter.
 */
export class CounterIntakes1795800000500 implements MigrationInterface {
  name = 'CounterIntakes1795800000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE counter_intakes (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        item_centre text NOT NULL,
        item_id uuid NOT NULL,
        item_name text NOT NULL,
        applicant_id uuid NOT NULL,
        applicant_kind text NOT NULL,
        applicant_name text NOT NULL,
        applicant_identity_masked text NOT NULL,
        applicant_mobile_sealed text NOT NULL,
        form_data jsonb NOT NULL DEFAULT '{}',
        delivery_mode text NOT NULL DEFAULT 'window',
        status text NOT NULL DEFAULT 'drafting',
        identity_checked boolean NOT NULL DEFAULT false,
        attestation jsonb NOT NULL DEFAULT '[]',
        received_by uuid NOT NULL,
        received_by_name text NOT NULL,
        forward_envelope_id uuid,
        forwarded_at timestamptz,
        case_number text,
        handling_status integer,
        result_type text,
        last_note text,
        last_reported_at timestamptz,
        history jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT counter_intakes_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT counter_intakes_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT counter_intakes_status_check CHECK (status IN ('drafting', 'forwarded', 'reported')),
        CONSTRAINT counter_intakes_kind_check CHECK (applicant_kind IN ('natural_person', 'legal_person')),
        CONSTRAINT counter_intakes_delivery_check CHECK (delivery_mode IN ('window', 'post'))
      )`);
    await runner.query('CREATE INDEX counter_intakes_tenant_created_idx ON counter_intakes (tenant_id, created_at DESC)');
    await isolateTenantTable(runner, 'counter_intakes', ['SELECT', 'INSERT', 'UPDATE']);

    await runner.query(`
      CREATE TABLE counter_intake_materials (
        tenant_id text NOT NULL,
        intake_id uuid NOT NULL,
        material_code text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        sha256 text NOT NULL,
        size_bytes bigint NOT NULL,
        media_type text NOT NULL,
        file_name text NOT NULL,
        original_count integer NOT NULL DEFAULT 1,
        copy_count integer NOT NULL DEFAULT 0,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by uuid NOT NULL,
        CONSTRAINT counter_intake_materials_pkey PRIMARY KEY (tenant_id, intake_id, material_code, version),
        CONSTRAINT counter_intake_materials_intake_fkey FOREIGN KEY (tenant_id, intake_id) REFERENCES counter_intakes (tenant_id, id)
      )`);
    await isolateTenantTable(runner, 'counter_intake_materials', ['SELECT', 'INSERT']);

    // At the handling centre: the intake a forwarded case came from (the key of the status reports).
    await runner.query('ALTER TABLE applications ADD COLUMN counter_intake_id uuid');
    await runner.query('ALTER TABLE applications ADD COLUMN received_by_name text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE applications DROP COLUMN received_by_name');
    await runner.query('ALTER TABLE applications DROP COLUMN counter_intake_id');
    await runner.query('DROP TABLE counter_intake_materials');
    await runner.query('DROP TABLE counter_intakes');
  }
}
