import type { DataScope } from './data-scope';

const TENANT = /^\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_DIGEST = /^[0-9a-f]{64}$/;

/**
 * One simple-query batch that opens the transaction and sets the scope, so a unit of work costs a
 * single round trip before its first real query (STACK.md: each round trip costs as much as the
 * query). Values are inlined, which is safe only because each is checked against a strict pattern
 * here; anything else is refused rather than escaped.
 */
export function beginWithScopeSql(scope: DataScope): string {
  const settings: string[] = [];
  if (scope.tenantId !== undefined) {
    settings.push(setting('app.tenant_id', checked(scope.tenantId, TENANT, 'tenant id')));
  }
  if (scope.applicantId !== undefined) {
    settings.push(setting('app.applicant_id', checked(scope.applicantId, UUID, 'applicant id').toLowerCase()));
  }
  if (scope.applicantLookup !== undefined) {
    settings.push(setting('app.applicant_lookup', checked(scope.applicantLookup, HEX_DIGEST, 'applicant lookup')));
  }
  return settings.length === 0 ? 'BEGIN' : `BEGIN; SELECT ${settings.join(', ')}`;
}

function setting(name: string, value: string): string {
  return `set_config('${name}', '${value}', true)`;
}

function checked(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) {
    throw new Error(`Refusing malformed ${what} in data scope`);
  }
  return value;
}
