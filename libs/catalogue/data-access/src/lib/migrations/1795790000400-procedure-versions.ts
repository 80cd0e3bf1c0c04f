import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned procedures. Applications pin a version, so a published version must never change:
 * the service refuses, and these triggers refuse whatever the service forgets. They raise
 * insufficient_privilege (42501): no role may edit a published version, and to callers (the
 * isolation suite among them) it is the same kind of refusal as a missing grant.
 * - procedure_versions: a draft may change; a published version may only become retired (nothing
 *   else about it may change); a retired version never changes. Nothing is ever deleted.
 * - procedure_steps: may change only while their version is a draft. The version row is locked
 *   FOR SHARE, so a step edit and a concurrent publish of that version are serialised.
 * At most one published version per item (partial unique index).
 */
export class ProcedureVersions1795790000400 implements MigrationInterface {
  name = 'ProcedureVersions1795790000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE procedure_versions (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        item_id uuid NOT NULL,
        version integer NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        published_at timestamptz,
        retired_at timestamptz,
        CONSTRAINT procedure_versions_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT procedure_versions_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT procedure_versions_item_fkey FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
        CONSTRAINT procedure_versions_version_check CHECK (version >= 1),
        CONSTRAINT procedure_versions_status_check CHECK (status IN ('draft', 'published', 'retired')),
        CONSTRAINT procedure_versions_published_check CHECK ((status = 'draft') = (published_at IS NULL)),
        CONSTRAINT procedure_versions_retired_check CHECK ((status = 'retired') = (retired_at IS NOT NULL))
      )`);
    await runner.query('CREATE UNIQUE INDEX procedure_versions_tenant_item_version_key ON procedure_versions (tenant_id, item_id, version)');
    await runner.query(
      `CREATE UNIQUE INDEX procedure_versions_one_published_key ON procedure_versions (tenant_id, item_id) WHERE status = 'published'`,
    );
    await isolateTenantTable(runner, 'procedure_versions', ['SELECT', 'INSERT', 'UPDATE']);

    await runner.query(`
      CREATE TABLE procedure_steps (
        tenant_id text NOT NULL,
        version_id uuid NOT NULL,
        position smallint NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        post text NOT NULL,
        limit_working_days integer NOT NULL,
        CONSTRAINT procedure_steps_pkey PRIMARY KEY (tenant_id, version_id, position),
        CONSTRAINT procedure_steps_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT procedure_steps_version_fkey FOREIGN KEY (tenant_id, version_id) REFERENCES procedure_versions (tenant_id, id),
        CONSTRAINT procedure_steps_position_check CHECK (position >= 1),
        CONSTRAINT procedure_steps_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'),
        CONSTRAINT procedure_steps_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT procedure_steps_post_check CHECK (post IN ('window_clerk', 'reviewer', 'approver')),
        CONSTRAINT procedure_steps_limit_check CHECK (limit_working_days >= 0)
      )`);
    await runner.query('CREATE UNIQUE INDEX procedure_steps_tenant_version_code_key ON procedure_steps (tenant_id, version_id, code)');
    await isolateTenantTable(runner, 'procedure_steps', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']);

    await runner.query(`
      CREATE FUNCTION procedure_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'procedure version % is never deleted: applications pin it', OLD.id
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'procedure_versions_immutable';
        END IF;
        IF OLD.status = 'draft' OR ROW(NEW.*) IS NOT DISTINCT FROM ROW(OLD.*) THEN
          RETURN NEW;
        END IF;
        IF OLD.status = 'published' AND NEW.status = 'retired'
           AND (NEW.tenant_id, NEW.id, NEW.item_id, NEW.version, NEW.created_by, NEW.created_at, NEW.published_by, NEW.published_at)
               IS NOT DISTINCT FROM
               (OLD.tenant_id, OLD.id, OLD.item_id, OLD.version, OLD.created_by, OLD.created_at, OLD.published_by, OLD.published_at) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'procedure version % is % and cannot change', OLD.id, OLD.status
          USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'procedure_versions_immutable';
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER procedure_versions_immutable BEFORE UPDATE OR DELETE ON procedure_versions
      FOR EACH ROW EXECUTE FUNCTION procedure_versions_guard()`);

    await runner.query(`
      CREATE FUNCTION procedure_steps_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        version_status text;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          SELECT status INTO version_status FROM procedure_versions
           WHERE tenant_id = OLD.tenant_id AND id = OLD.version_id FOR SHARE;
          IF version_status IS NOT NULL AND version_status <> 'draft' THEN
            RAISE EXCEPTION 'steps of % procedure version % cannot change', version_status, OLD.version_id
              USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'procedure_steps_immutable';
          END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          SELECT status INTO version_status FROM procedure_versions
           WHERE tenant_id = NEW.tenant_id AND id = NEW.version_id FOR SHARE;
          IF version_status IS NOT NULL AND version_status <> 'draft' THEN
            RAISE EXCEPTION 'steps of % procedure version % cannot change', version_status, NEW.version_id
              USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'procedure_steps_immutable';
          END IF;
          RETURN NEW;
        END IF;
        RETURN OLD;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER procedure_steps_immutable BEFORE INSERT OR UPDATE OR DELETE ON procedure_steps
      FOR EACH ROW EXECUTE FUNCTION procedure_steps_guard()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE procedure_steps');
    await runner.query('DROP FUNCTION procedure_steps_guard()');
    await runner.query('DROP TABLE procedure_versions');
    await runner.query('DROP FUNCTION procedure_versions_guard()');
  }
}
