import { dropDatabase } from '@zhengwu/server/core/database';

/** Environment variables through which the one database of a test run reaches every Jest worker. */
export const TEST_ENV = {
  adminUrl: 'ZW_TEST_ADMIN_URL',
  ownerUrl: 'ZW_TEST_OWNER_URL',
  runtimeUrl: 'ZW_TEST_RUNTIME_URL',
  database: 'ZW_TEST_DATABASE',
  keysDir: 'ZW_TEST_KEYS_DIR',
} as const;

export interface TestDatabase {
  adminUrl: string;
  ownerUrl: string;
  runtimeUrl: string;
  database: string;
  keysDir: string;
}

export function testDatabaseFromEnv(): TestDatabase {
  const env = process.env;
  const adminUrl = env[TEST_ENV.adminUrl];
  const ownerUrl = env[TEST_ENV.ownerUrl];
  const runtimeUrl = env[TEST_ENV.runtimeUrl];
  const database = env[TEST_ENV.database];
  const keysDir = env[TEST_ENV.keysDir];
  if (!adminUrl || !ownerUrl || !runtimeUrl || !database || !keysDir) {
    throw new Error('No test database: run the tests through Jest (its globalSetup creates one) or `npm test`');
  }
  return { adminUrl, ownerUrl, runtimeUrl, database, keysDir };
}

/** Drops a database another test created on the run's server (e.g. a fresh `npm start` database). */
export function dropDatabaseOnTestServer(database: string): Promise<void> {
  return dropDatabase(testDatabaseFromEnv().adminUrl, database);
}
