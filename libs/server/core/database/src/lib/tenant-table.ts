import type { QueryRunner } from 'typeorm';
import { applicantOwnedTenantPredicate, RUNTIME_GROUP_ROLE, TENANT_PREDICATE } from './roles';

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * Row-level security for a tenant table, run in the migration that creates the table: RLS enabled
 * AND forced (so the owner is bound too), one policy with the same predicate for reading (USING) and
 * writing (WITH CHECK), and the runtime role's privileges spelled out.
 */
export async function isolateTenantTable(
  runner: QueryRunner,
  table: string,
  privileges: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
): Promise<void> {
  await runner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await runner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await runner.query(
    `CREATE POLICY "${table}_tenant_isolation" ON "${table}" USING (${TENANT_PREDICATE}) WITH CHECK (${TENANT_PREDICATE})`,
  );
  await grantToRuntime(runner, table, privileges);
}

/** Like isolateTenantTable, for tenant rows an applicant owns too (see applicantOwnedTenantPredicate). */
export async function isolateApplicantOwnedTenantTable(
  runner: QueryRunner,
  table: string,
  applicantColumn: string,
  privileges: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
): Promise<void> {
  const predicate = applicantOwnedTenantPredicate(applicantColumn);
  await runner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await runner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await runner.query(`CREATE POLICY "${table}_tenant_isolation" ON "${table}" USING (${predicate}) WITH CHECK (${predicate})`);
  await grantToRuntime(runner, table, privileges);
}

export async function grantToRuntime(
  runner: QueryRunner,
  table: string,
  privileges: readonly TablePrivilege[],
): Promise<void> {
  if (privileges.length > 0) {
    await runner.query(`GRANT ${privileges.join(', ')} ON "${table}" TO ${RUNTIME_GROUP_ROLE}`);
  }
}
