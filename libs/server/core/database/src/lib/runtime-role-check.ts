import type { DataSource } from 'typeorm';

/**
 * Superusers and BYPASSRLS roles ignore row-level security, which would silently turn tenant
 * isolation off. The API refuses to start on such a connection.
 */
export async function assertRuntimeRoleIsBoundByRls(dataSource: DataSource): Promise<void> {
  const rows: Array<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }> = await dataSource.query(
    'SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
  );
  const role = rows[0];
  if (!role) {
    throw new Error('Could not read the attributes of the database role the API connected as');
  }
  if (role.rolsuper || role.rolbypassrls) {
    throw new Error(
      `DATABASE_URL connects as "${role.rolname}", which ${role.rolsuper ? 'is a superuser' : 'has BYPASSRLS'}: ` +
        'row-level security would not apply. Connect as the runtime role (see docs/database-roles.md).',
    );
  }
}
