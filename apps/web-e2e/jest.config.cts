module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  // Playwright (playwright-core) in Debian Chromium against the built platform, started as
  // `npm start` starts it; `npm test` builds it first.
  globalSetup: '../../tools/test-db/global-setup.ts',
  globalTeardown: '../../tools/test-db/global-teardown.ts',
};
