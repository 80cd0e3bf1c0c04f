module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  // Starts the built platform (dist/) as `npm start` does; `npm test` builds it first.
  globalSetup: '../../libs/server/testing/global-setup.ts',
  globalTeardown: '../../libs/server/testing/global-teardown.ts',
};
