import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { listRouteAccess } from '@zhengwu/server/core/auth';
import { createHttpApp } from '@zhengwu/server/core/http';
import { provisionRoutingKeys } from '@zhengwu/server/routing';
import { testConfig, testDatabaseFromEnv } from '@zhengwu/server/testing';
import { Permission } from '@zhengwu/shared/contracts';
import { join } from 'node:path';
import { AppModule } from './app.module';

/** The composition root as deployed: every handler must say who may call it. */
describe('AppModule', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // As deployed: the API refuses to boot without its routing keys and the signed directory.
    const hostedTenants = '510000,510900,510981';
    const routing = provisionRoutingKeys({
      outDir: join(testDatabaseFromEnv().keysDir, 'app-module-routing'),
      deployments: [{ id: 'test', hostedTenants, apiBaseUrl: 'http://test.invalid' }],
      identityIssuer: { deploymentId: 'test', signingKeyPaths: [join(testDatabaseFromEnv().keysDir, 'test-auth-signing.pem')], generateMissing: true },
    });
    const config = testConfig({
      hostedTenants,
      env: {
        ROUTING_TRANSPORT: 'loopback',
        ROUTING_DIRECTORY_PATH: routing.directoryPath,
        ROUTING_ROOT_PUBLIC_KEY_PATH: routing.rootPublicKeyPath,
        CENTRE_KEYS_DIR: routing.centreKeysDirs['test'] as string,
      },
    });
    app = await createHttpApp(AppModule.forRoot(config), config);
    await app.init();
  });
  afterAll(() => app.close());

  it('declares a permission or @Public on every route', () => {
    const routes = listRouteAccess(app);
    expect(routes.length).toBeGreaterThan(5);
    const undeclared = routes.filter((route) => !route.isPublic && !route.permission).map((r) => `${r.controller}.${r.handler}`);
    expect(undeclared).toEqual([]);
    const both = routes.filter((route) => route.isPublic && route.permission).map((r) => `${r.controller}.${r.handler}`);
    expect(both).toEqual([]);
    const known = new Set<string>(Object.values(Permission));
    const unknown = routes.filter((route) => route.permission && !known.has(route.permission)).map((r) => r.permission);
    expect(unknown).toEqual([]);
  });

  it('serves the OpenAPI document with the DTO schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/centres', '/api/v1/auth/applicants/login', '/api/v1/centres/{centreCode}/staff']));
  });

  it('answers /health with the database check and /metrics in Prometheus format', async () => {
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', deployment: 'test', checks: { database: { status: 'ok' } } });
    await app.inject({ method: 'GET', url: '/api/v1/centres' });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/zhengwu_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/centres"[^}]*\} \d+/);
  });
});
