module.exports = {
  displayName: 'supervision-feature-api',
  preset: '../../../jest.preset.js',
  // Integration tests: one migrated database per test run (see libs/server/testing).
  globalSetup: '../../../tools/test-db/global-setup.ts',
  globalTeardown: '../../../tools/test-db/global-teardown.ts',
};
