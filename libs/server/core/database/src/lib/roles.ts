/**
 * The group role every runtime login role belongs to. Migrations grant table privileges to it, so
 * each table's privileges are written next to the table; the login roles (one per deployment or
 * per environment) are members and inherit them. It never has SUPERUSER or BYPASSRLS.
 */
export const RUNTIME_GROUP_ROLE = 'zhengwu_runtime';

/** The policy predicate every tenant table uses: rows of the centre set by the unit of work only. */
export const TENANT_PREDICATE = `tenant_id = current_setting('app.tenant_id', true)`;
