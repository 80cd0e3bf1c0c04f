import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@zhengwu/server/core/config';
import { CoreModule, createHttpApp } from '@zhengwu/server/core/http';
import { join } from 'node:path';
import { testDatabaseFromEnv } from './test-database';
import { TestClient } from './test-client';

export interface TestAppOptions {
  /** Feature modules under test, composed on the real platform core. */
  imports: Array<Type<unknown> | DynamicModule>;
  /** `HOSTED_TENANTS` of this test deployment (default: all centres). */
  hostedTenants?: string;
  deploymentId?: string;
  env?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestClient;
  close(): Promise<void>;
}

/**
 * The real HTTP stack (Fastify, validation, error filter, guards, RLS transactions as the runtime
 * role) around the given feature modules, on the run's test database. Requests go through
 * Fastify's `inject`, so no port is opened.
 */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const config = testConfig(options);
  const rootModule: DynamicModule = {
    module: class TestRootModule {},
    imports: [CoreModule.forRoot({ config }), ...options.imports],
  };
  const app = await createHttpApp(rootModule, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, http: new TestClient(app), close: () => app.close() };
}

/** The configuration of a test deployment on the run's database, as the runtime role. */
export function testConfig(options: Omit<TestAppOptions, 'imports'> = {}): AppConfig {
  const database = testDatabaseFromEnv();
  return loadConfig({
    DATABASE_URL: database.runtimeUrl,
    DATABASE_POOL_SIZE: '5',
    DEPLOYMENT_ID: options.deploymentId ?? 'test',
    HOSTED_TENANTS: options.hostedTenants ?? 'all',
    AUTH_SIGNING_KEY_PATH: join(database.keysDir, `${options.deploymentId ?? 'test'}-auth-signing.pem`),
    PII_KEY_PATH: join(database.keysDir, 'pii.key'),
    GENERATE_MISSING_KEYS: 'true',
    LOG_LEVEL: 'error',
    MATERIAL_STORE_DIR: join(database.keysDir, 'materials'),
    // Background loops stay off unless a test turns them on; tests drive sweeps and relays directly.
    WORKERS_ENABLED: 'false',
    ...options.env,
  });
}
