module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  // Playwright (playwright-core) in Debian Chromium against the built platform, started as
  // `npm start` starts it; `npm test` builds it first.
  globalSetup: '../../libs/server/testing/global-setup.ts',
  globalTeardown: '../../libs/server/testing/global-teardown.ts',
};
