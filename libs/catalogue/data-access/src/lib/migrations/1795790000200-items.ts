import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service items with the GB/T 39046 fields (code lists written out: a migration is history and
 * must not change when the domain's tables grow; a later code arrives with a later migration). Codes are uncapped text (real implementation codes
 * run past 50 characters). The checks repeat the rules a service could forget: a 即办件 promises
 * 0 days, a promise in the legal limit's unit does not exceed it, 全程网办 implies online.
 * Searching by name or code stays within one centre's published items (the leading
 * `(tenant_id, status)` of `items_tenant_status_name_idx`), a few hundred rows at most, so a
 * substring match over them needs no extension such as pg_trgm.
 */
export class Items1795790000200 implements MigrationInterface {
  name = 'Items1795790000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE items (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        department_id uuid NOT NULL,
        name text NOT NULL,
        basic_code text NOT NULL,
        implementation_code text NOT NULL,
        local_code text,
        item_type text NOT NULL,
        level smallint NOT NULL,
        case_type text NOT NULL,
        legal_limit_value integer NOT NULL,
        legal_limit_unit text NOT NULL,
        promised_limit_value integer NOT NULL,
        promised_limit_unit text NOT NULL,
        cross_region_scope text NOT NULL DEFAULT 'none',
        service_objects smallint[] NOT NULL,
        handling_forms smallint[] NOT NULL,
        online_applicable boolean NOT NULL,
        fully_online boolean NOT NULL DEFAULT false,
        fee_fen integer NOT NULL DEFAULT 0,
        fee_description text,
        originals_check_required boolean NOT NULL DEFAULT false,
        originals_check_point text NOT NULL DEFAULT 'after_approval',
        on_site_inspection boolean NOT NULL DEFAULT false,
        acceptance_conditions text NOT NULL DEFAULT '',
        legal_basis text NOT NULL DEFAULT '',
        where_and_when text NOT NULL DEFAULT '',
        consultation_phone text,
        status text NOT NULL DEFAULT 'draft',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT items_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT items_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT items_department_fkey FOREIGN KEY (tenant_id, department_id) REFERENCES departments (tenant_id, id),
        CONSTRAINT items_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT items_codes_check CHECK (basic_code <> '' AND implementation_code <> '' AND (local_code IS NULL OR local_code <> '')),
        CONSTRAINT items_item_type_check CHECK (item_type IN ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20')),
        CONSTRAINT items_level_check CHECK (level BETWEEN 1 AND 7),
        CONSTRAINT items_case_type_check CHECK (case_type IN ('immediate', 'promised')),
        CONSTRAINT items_limit_units_check CHECK (
          legal_limit_unit IN ('working_day', 'natural_day') AND promised_limit_unit IN ('working_day', 'natural_day')),
        CONSTRAINT items_limit_values_check CHECK (legal_limit_value >= 0 AND promised_limit_value >= 0),
        CONSTRAINT items_promised_within_legal_check CHECK (
          promised_limit_unit <> legal_limit_unit OR promised_limit_value <= legal_limit_value),
        CONSTRAINT items_immediate_check CHECK (case_type <> 'immediate' OR promised_limit_value = 0),
        CONSTRAINT items_cross_region_scope_check CHECK (cross_region_scope IN ('none', 'cross_county', 'cross_city', 'cross_province', 'national')),
        CONSTRAINT items_service_objects_check CHECK (
          cardinality(service_objects) > 0 AND service_objects <@ ARRAY[1, 2, 3, 4, 5, 6]::smallint[]),
        CONSTRAINT items_handling_forms_check CHECK (
          cardinality(handling_forms) > 0 AND handling_forms <@ ARRAY[1, 2, 3, 4, 9]::smallint[]),
        CONSTRAINT items_fully_online_check CHECK (NOT fully_online OR online_applicable),
        CONSTRAINT items_fee_check CHECK (fee_fen >= 0),
        CONSTRAINT items_originals_check_point_check CHECK (originals_check_point IN ('after_approval', 'before_acceptance')),
        CONSTRAINT items_status_check CHECK (status IN ('draft', 'published', 'retired'))
      )`);
    await runner.query('CREATE UNIQUE INDEX items_tenant_implementation_code_key ON items (tenant_id, implementation_code)');
    await runner.query('CREATE INDEX items_tenant_status_name_idx ON items (tenant_id, status, name)');
    await runner.query('CREATE INDEX items_tenant_department_idx ON items (tenant_id, department_id)');
    await isolateTenantTable(runner, 'items', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE items');
  }
}
