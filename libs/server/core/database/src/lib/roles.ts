/**
 * The group role every runtime login role belongs to. Migrations grant table privileges to it, so
 * each table's privileges are written next to the table; the login roles (one per deployment or
 * per environment) are members and inherit them. It never has SUPERUSER or BYPASSRLS.
 */
export const RUNTIME_GROUP_ROLE = 'zhengwu_runtime';

/** The policy predicate every tenant table uses: rows of the centre set by the unit of work only. */
export const TENANT_PREDICATE = `tenant_id = current_setting('app.tenant_id', true)`;

/**
 * Tenant rows an applicant also owns (applications, notifications): staff and the centre see the
 * centre's rows; an applicant scoped to a centre sees only their own there; an applicant with no
 * centre in scope (their "my cases" across centres) sees only their own rows anywhere.
 */
export function applicantOwnedTenantPredicate(applicantColumn: string): string {
  const applicant = `nullif(current_setting('app.applicant_id', true), '')::uuid`;
  return (
    `(${TENANT_PREDICATE} AND (${applicant} IS NULL OR ${applicantColumn} = ${applicant}))` +
    ` OR (coalesce(current_setting('app.tenant_id', true), '') = '' AND ${applicantColumn} = ${applicant})`
  );
}
