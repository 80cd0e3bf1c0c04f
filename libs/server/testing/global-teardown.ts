export default async function globalTeardown(): Promise<void> {
   
  const { tearDownTestDatabase } = require('./src/lib/test-database') as typeof import('./src/lib/test-database');
  await tearDownTestDatabase();
}
