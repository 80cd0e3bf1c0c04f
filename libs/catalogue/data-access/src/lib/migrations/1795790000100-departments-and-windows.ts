import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODE_PATTERN = `'^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'`;

/**
 * Departments and windows of each centre. Nothing is deleted (items and history refer to them),
 * so the runtime role may read, insert and update only.
 */
export class DepartmentsAndWindows1795790000100 implements MigrationInterface {
  name = 'DepartmentsAndWindows1795790000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE departments (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        ordering integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT departments_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT departments_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT departments_code_check CHECK (code ~ ${CODE_PATTERN}),
        CONSTRAINT departments_name_check CHECK (btrim(name) <> '')
      )`);
    await runner.query('CREATE UNIQUE INDEX departments_tenant_code_key ON departments (tenant_id, code)');
    await isolateTenantTable(runner, 'departments', ['SELECT', 'INSERT', 'UPDATE']);

    // A window without a department is a comprehensive window (无差别综合受理) serving all of them.
    await runner.query(`
      CREATE TABLE windows (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        department_id uuid,
        location text NOT NULL DEFAULT '',
        service_hours text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT windows_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT windows_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT windows_department_fkey FOREIGN KEY (tenant_id, department_id) REFERENCES departments (tenant_id, id),
        CONSTRAINT windows_code_check CHECK (code ~ ${CODE_PATTERN}),
        CONSTRAINT windows_name_check CHECK (btrim(name) <> '')
      )`);
    await runner.query('CREATE UNIQUE INDEX windows_tenant_code_key ON windows (tenant_id, code)');
    await runner.query('CREATE INDEX windows_tenant_department_idx ON windows (tenant_id, department_id)');
    await isolateTenantTable(runner, 'windows', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE windows');
    await runner.query('DROP TABLE departments');
  }
}
