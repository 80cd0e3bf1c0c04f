module.exports = {
  displayName: 'catalogue-feature-api',
  preset: '../../../jest.preset.js',
  // Integration tests: one migrated database per test run (see libs/server/testing).
  globalSetup: '../../../tools/test-db/global-setup.ts',
  globalTeardown: '../../../tools/test-db/global-teardown.ts',
  // file-type (magic-byte detection of uploads) and its dependencies ship ESM only; Node requires
  // them natively, Jest's module system cannot, so swc compiles them to CommonJS here too.
  transformIgnorePatterns: [
    '^(?!.*[\\\\/]node_modules[\\\\/](content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)[\\\\/]).*[\\\\/]node_modules[\\\\/]',
  ],
};
