/**
 * Whose rows a unit of work may touch. The values become transaction-local PostgreSQL settings that
 * the row-level security policies read:
 * - `tenantId` → `app.tenant_id`: the centre (every tenant table's policy);
 * - `applicantId` → `app.applicant_id`: narrows applicant-owned rows to that applicant;
 * - `applicantLookup` → `app.applicant_lookup`: the keyed hash of an identifier being logged in with,
 *   which lets exactly that one applicant row be read before its id is known.
 */
export interface DataScope {
  tenantId?: string;
  applicantId?: string;
  applicantLookup?: string;
}

export function describeScope(scope: DataScope): string {
  return [
    scope.tenantId ? `tenant ${scope.tenantId}` : undefined,
    scope.applicantId ? `applicant ${scope.applicantId}` : undefined,
    scope.applicantLookup ? 'applicant lookup' : undefined,
  ]
    .filter(Boolean)
    .join(', ') || 'no scope';
}

export function sameScope(a: DataScope, b: DataScope): boolean {
  return a.tenantId === b.tenantId && a.applicantId === b.applicantId && a.applicantLookup === b.applicantLookup;
}

/** A row handed to a repository call for one tenant must belong to that tenant. */
export function assertSameTenant(expected: string, actual: string): void {
  if (expected !== actual) {
    throw new Error(`Row for tenant ${actual} passed to a repository call for tenant ${expected}`);
  }
}
