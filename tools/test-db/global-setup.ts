import { join } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * Jest loads globalSetup with its transform but resolves modules the Node way, so the workspace's
 * path aliases are registered first; the harness itself is required only after that.
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '../..');
  const { compilerOptions } = require(join(root, 'tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } };
  register({ baseUrl: root, paths: compilerOptions.paths });
  const { setUpTestDatabase } = require('./src/test-database') as typeof import('./src/test-database');
  await setUpTestDatabase();
}
