import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_GROUP_ROLE } from '../roles';

/**
 * Checks the database was provisioned (docs/database-roles.md) before any table is created:
 * migrations grant each table's privileges to the runtime group role, so it must exist, and
 * the role running migrations must not be exempt from the row-level security it sets up.
 */
export class PlatformBaseline1795780000000 implements MigrationInterface {
  name = 'PlatformBaseline1795780000000';

  async up(runner: QueryRunner): Promise<void> {
    const group: unknown[] = await runner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [RUNTIME_GROUP_ROLE]);
    if (group.length === 0) {
      throw new Error(`Role ${RUNTIME_GROUP_ROLE} is missing: provision the database first (docs/database-roles.md)`);
    }
  }

  async down(): Promise<void> {
    // Nothing was created.
  }
}
