import { connectAsRuntimeRole, createTestApp, TestApp, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type { ErrorBody } from '@zhengwu/shared/contracts';
import { OrgFeatureModule } from './org-feature.module';

const REGISTER = '/api/v1/auth/applicants/register/natural-person';

/**
 * Bad input gets a 4xx with the structured error body and changes nothing. Each case registers a
 * person who would otherwise be valid, then proves that person cannot log in (nothing was written).
 */
describe('bad input', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [OrgFeatureModule] });
  });
  afterAll(() => t.close());

  function person() {
    return { name: '测试人', idNumber: uniqueResidentIdNumber(), mobile: uniqueMobile(), password: 'Good-Password-1' };
  }

  async function expectNotRegistered(idNumber: string): Promise<void> {
    const login = await t.http.post('/api/v1/auth/applicants/login', { identifier: idNumber, password: 'Good-Password-1' });
    expect(login.status).toBe(401);
  }

  function expectErrorBody(body: ErrorBody, code: string): void {
    expect(body.code).toBe(code);
    expect(typeof body.message.zh).toBe('string');
    expect(typeof body.message.en).toBe('string');
    expect(body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  }

  it('refuses unknown fields', async () => {
    const body = { ...person(), isAdmin: true };
    const response = await t.http.post<ErrorBody>(REGISTER, body);
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 'VALIDATION_FAILED');
    expect(response.body.details).toEqual([{ property: 'isAdmin', constraints: { whitelistValidation: expect.any(String) } }]);
    await expectNotRegistered(body.idNumber);
  });

  it('refuses wrong types', async () => {
    const body = { ...person(), mobile: 13800138000 };
    const response = await t.http.post<ErrorBody>(REGISTER, body);
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 'VALIDATION_FAILED');
    expect(response.body.details).toEqual([expect.objectContaining({ property: 'mobile' })]);
    await expectNotRegistered(body.idNumber);
  });

  it('refuses over-long strings', async () => {
    const body = { ...person(), name: '名'.repeat(51), password: 'p'.repeat(129) };
    const response = await t.http.post<ErrorBody>(REGISTER, body);
    expect(response.status).toBe(400);
    const properties = (response.body.details as Array<{ property: string }>).map((d) => d.property).sort();
    expect(properties).toEqual(['name', 'password']);
    await expectNotRegistered(body.idNumber);
  });

  it('refuses a missing body', async () => {
    const response = await t.http.post<ErrorBody>(REGISTER, undefined, { headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(['VALIDATION_FAILED', 'MALFORMED_BODY']).toContain(response.body.code);
  });

  it('refuses malformed JSON', async () => {
    const body = person();
    const raw = JSON.stringify(body).slice(0, -5);
    const response = await t.http.post<ErrorBody>(REGISTER, undefined, { raw });
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 'MALFORMED_BODY');
    await expectNotRegistered(body.idNumber);
  });

  it('refuses a wrong content type', async () => {
    const body = person();
    const response = await t.http.post<ErrorBody>(REGISTER, undefined, {
      raw: new URLSearchParams(body).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expectErrorBody(response.body, 'UNSUPPORTED_MEDIA_TYPE');
    await expectNotRegistered(body.idNumber);
  });

  it('refuses an oversized body', async () => {
    const response = await t.http.post<ErrorBody>(REGISTER, undefined, { raw: JSON.stringify({ name: 'x'.repeat(1_100_000) }) });
    expect(response.status).toBe(413);
    expectErrorBody(response.body, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with the structured 404', async () => {
    const response = await t.http.get<ErrorBody>('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expectErrorBody(response.body, 'ROUTE_NOT_FOUND');
  });

  it('refuses a malformed staff creation without writing anything', async () => {
    const username = `nobody${Date.now()}`;
    const response = await t.http.post<ErrorBody>('/api/v1/centres/510900/staff', { username, roles: ['overlord'] });
    // Unauthenticated comes first: nothing about the body is revealed to an anonymous caller.
    expect(response.status).toBe(401);
    const db = await connectAsRuntimeRole();
    try {
      const rows = await db.asTenant('510900', (c) => c.query('SELECT 1 FROM staff WHERE username = $1', [username]));
      expect(rows.rowCount).toBe(0);
    } finally {
      await db.end();
    }
  });
});
