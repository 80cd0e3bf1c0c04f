import type { CentreSummary, DivisionView, ErrorBody } from '@zhengwu/shared/contracts';
import { createTestApp, TestApp } from '@zhengwu/server/testing';
import { OrgFeatureModule } from '../org-feature.module';

describe('centres and divisions', () => {
  let all: TestApp;
  let suiningOnly: TestApp;

  beforeAll(async () => {
    all = await createTestApp({ imports: [OrgFeatureModule] });
    suiningOnly = await createTestApp({ imports: [OrgFeatureModule], hostedTenants: 'under:510900' });
  });
  afterAll(async () => {
    await all.close();
    await suiningOnly.close();
  });

  it('lists every one of the 205 Sichuan centres when hosting all', async () => {
    const response = await all.http.get<CentreSummary[]>('/api/v1/centres');
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(205);
    const levels = response.body.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.level]: (acc[c.level] ?? 0) + 1 }), {});
    expect(levels).toEqual({ province: 1, city: 21, county: 183 });
    expect(response.body.find((c) => c.code === '510981')).toEqual({
      code: '510981',
      name: '射洪市政务服务中心',
      level: 'county',
      parentCode: '510900',
    });
  });

  it('lists every centre at a deployment hosting one city too (the others are reached through the directory)', async () => {
    const response = await suiningOnly.http.get<CentreSummary[]>('/api/v1/centres');
    expect(response.body).toHaveLength(205);
    expect(response.body.map((c) => c.code)).toEqual(expect.arrayContaining(['510000', '510100', '510900', '510981']));
  });

  it('resolves a replaced code to its successor', async () => {
    const response = await all.http.get<DivisionView>('/api/v1/divisions/510922');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      code: '510922',
      name: '射洪县',
      successorCode: '510981',
      current: { code: '510981', name: '射洪市', level: 'county', parentCode: '510900' },
    });
    expect(response.body.validTo).not.toBeNull();
  });

  it.each([
    ['511028', '511083'],
    ['510132', '510118'],
    ['513425', '513402'],
  ])('resolves %s to %s', async (old, successor) => {
    const response = await all.http.get<DivisionView>(`/api/v1/divisions/${old}`);
    expect(response.body.current.code).toBe(successor);
  });

  it('resolves a current code to itself', async () => {
    const response = await all.http.get<DivisionView>('/api/v1/divisions/510900');
    expect(response.body).toMatchObject({ code: '510900', successorCode: null, validTo: null, current: { code: '510900' } });
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await all.http.get('/api/v1/centres', { headers: { 'x-request-id': 'portal-12345678' } });
    expect(kept.headers['x-request-id']).toBe('portal-12345678');
    const replaced = await all.http.get('/api/v1/centres', { headers: { 'x-request-id': 'no spaces allowed' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows cross-origin calls only from the configured web app origins', async () => {
    const cors = await createTestApp({ imports: [OrgFeatureModule], env: { CORS_ORIGINS: 'http://localhost:3001,http://127.0.0.1:3001' } });
    try {
      const allowed = await cors.http.request('OPTIONS', '/api/v1/centres', undefined, {
        headers: { origin: 'http://localhost:3001', 'access-control-request-method': 'GET' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3001');
      const other = await cors.http.get('/api/v1/centres', { headers: { origin: 'http://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const none = await all.http.get('/api/v1/centres', { headers: { origin: 'http://localhost:3001' } });
      expect(none.headers['access-control-allow-origin']).toBeUndefined();
      // Pages served here may call those deployments' APIs too (the directory sends them there).
      const csp = String(allowed.headers['content-security-policy'] ?? (await cors.http.get('/api/v1/centres')).headers['content-security-policy']);
      expect(csp).toMatch(/connect-src 'self' http:\/\/localhost:3001 http:\/\/127\.0\.0\.1:3001/);
      expect(String(none.headers['content-security-policy'])).toMatch(/connect-src 'self'(;|$)/);
    } finally {
      await cors.close();
    }
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const unknown = await all.http.get<ErrorBody>('/api/v1/divisions/519999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('DIVISION_NOT_FOUND');
    expect(unknown.body.message.zh).toBeTruthy();
    const malformed = await all.http.get<ErrorBody>('/api/v1/divisions/51abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });
});
