export default async function globalTeardown(): Promise<void> {
  const { tearDownTestDatabase } = require('./src/test-database') as typeof import('./src/test-database');
  await tearDownTestDatabase();
}
