module.exports = {
  displayName: 'server-storage',
  preset: '../../../jest.preset.js',
  // Integration tests: one migrated database per test run (see libs/server/testing).
  globalSetup: '../../../tools/test-db/global-setup.ts',
  globalTeardown: '../../../tools/test-db/global-teardown.ts',
  // file-type and its dependencies ship ESM only; swc compiles them like the preset's allow-list.
  // (The same names belong in the root jest.preset.js allow-list; this override can go once they are.)
  transformIgnorePatterns: [
    '^(?!.*[\\\\/]node_modules[\\\\/](content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer[\\\\/]inflate|@borewit[\\\\/]text-codec)[\\\\/]).*[\\\\/]node_modules[\\\\/]',
  ],
};
