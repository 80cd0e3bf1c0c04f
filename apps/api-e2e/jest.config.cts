module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  // Starts the built platform (dist/) as `npm start` does; `npm test` builds it first.
  globalSetup: '../../tools/test-db/global-setup.ts',
  globalTeardown: '../../tools/test-db/global-teardown.ts',
};
