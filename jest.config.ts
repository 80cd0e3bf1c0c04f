import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// Every project's tests in one run (`npm test`). Options here are global: Jest ignores
// testTimeout in project configs, so slow suites also pass explicit hook timeouts.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  testTimeout: 30_000,
});
