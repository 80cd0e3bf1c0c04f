import { beginWithScopeSql } from './scope-settings';

describe('beginWithScopeSql', () => {
  it('opens the transaction and sets every scope value in one batch', () => {
    expect(beginWithScopeSql({ tenantId: '510981', applicantId: '0190F3A2-7B1C-7D4E-8F00-123456789ABC' })).toBe(
      "BEGIN; SELECT set_config('app.tenant_id', '510981', true), set_config('app.applicant_id', '0190f3a2-7b1c-7d4e-8f00-123456789abc', true)",
    );
  });

  it('opens a plain transaction for an empty scope', () => {
    expect(beginWithScopeSql({})).toBe('BEGIN');
  });

  it.each([
    [{ tenantId: "510981'; DROP TABLE staff; --" }],
    [{ tenantId: '51098' }],
    [{ applicantId: 'not-a-uuid' }],
    [{ applicantLookup: 'abc' }],
  ])('refuses a malformed value instead of escaping it: %j', (scope) => {
    expect(() => beginWithScopeSql(scope)).toThrow(/Refusing malformed/);
  });
});
