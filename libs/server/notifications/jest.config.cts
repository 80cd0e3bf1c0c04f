module.exports = {
  displayName: 'server-notifications',
  preset: '../../../jest.preset.js',
  // Integration tests: one migrated database per test run (see libs/server/testing).
  globalSetup: '../../../tools/test-db/global-setup.ts',
  globalTeardown: '../../../tools/test-db/global-teardown.ts',
  // As in the API process (Nest loads it first): the contracts' class-transformer decorators read
  // decorator metadata when they load, even in specs that import no Nest code.
  setupFiles: ['reflect-metadata'],
};
