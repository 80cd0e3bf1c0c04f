import { isolateTenantTable } from '@zhengwu/server/core/database';
import { STAFF_ROLES } from '@zhengwu/shared/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Staff1795780000200 implements MigrationInterface {
  name = 'Staff1795780000200';

  async up(runner: QueryRunner): Promise<void> {
    const roles = STAFF_ROLES.map((role) => `'${role}'`).join(', ');
    await runner.query(`
      CREATE TABLE staff (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        username text NOT NULL,
        name text NOT NULL,
        roles text[] NOT NULL,
        password_hash text NOT NULL,
        mobile text,
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT staff_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT staff_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT staff_roles_check CHECK (cardinality(roles) > 0 AND roles <@ ARRAY[${roles}]::text[]),
        CONSTRAINT staff_username_check CHECK (username ~ '^[a-z][a-z0-9_.-]{1,49}$')
      )`);
    await runner.query('CREATE UNIQUE INDEX staff_tenant_username_key ON staff (tenant_id, username)');
    await isolateTenantTable(runner, 'staff', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE staff');
  }
}
