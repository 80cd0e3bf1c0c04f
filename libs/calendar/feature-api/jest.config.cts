module.exports = {
  displayName: 'calendar-feature-api',
  preset: '../../../jest.preset.js',
  // Integration tests: one migrated database per test run (see libs/server/testing).
  globalSetup: '../../../libs/server/testing/global-setup.ts',
  globalTeardown: '../../../libs/server/testing/global-teardown.ts',
};
