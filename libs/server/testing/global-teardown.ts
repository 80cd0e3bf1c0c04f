export default async function globalTeardown(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tearDownTestDatabase } = require('./src/lib/test-database') as typeof import('./src/lib/test-database');
  await tearDownTestDatabase();
}
