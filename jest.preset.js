// Server and universal projects compile with swc (2–3x faster than ts-jest; type checking runs
// separately in each project's `typecheck` target). Decorator metadata is on because NestJS, TypeORM
// and class-validator read it at run time.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    // Reference data shipped as CSV is imported as text (webpack: asset/source).
    '^.+\\.csv$': require.resolve('./tools/jest/raw-text-transform.js'),
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'csv'],
  // A few dependencies ship ESM only (Node 20 requires them natively; Jest's module system cannot),
  // so swc compiles those to CommonJS too.
  transformIgnorePatterns: ['^(?!.*[\\\\/]node_modules[\\\\/](content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer[\\\\/]inflate|@borewit[\\\\/]text-codec)[\\\\/]).*[\\\\/]node_modules[\\\\/]'],
};
