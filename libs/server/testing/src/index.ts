export * from './lib/test-database';
export * from './lib/test-app';
export * from './lib/test-client';
export * from './lib/runtime-connection';
export * from './lib/identities';
export * from './lib/tenant-table-fixtures';
export * from './lib/e2e/platform-process';
export * from './lib/e2e/browser';
