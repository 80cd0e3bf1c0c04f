// The root preset targets Node (swc, node environment); Angular code needs jsdom, the Angular
// compiler transform and `.html`/`.mjs` resolution, so those keys are overridden here.
module.exports = {
  displayName: 'portal',
  preset: '../../jest.preset.js',
  testEnvironment: 'jsdom',
  moduleFileExtensions: ['ts', 'html', 'js', 'json', 'mjs'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  // The first render in a file compiles Angular Material's templates (JIT); on the shared two-core
  // CI machine that alone has taken more than Jest's default 5 s.
  testTimeout: 30_000,
  coverageDirectory: '../../coverage/apps/portal',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // @jsverse/utils (a Transloco dependency) ships ES modules in `.js` files.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/))'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
