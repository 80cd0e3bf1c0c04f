module.exports = {
  displayName: 'server-core-http',
  preset: '../../../../jest.preset.js',
  // Exercised end to end by the integration suites of the feature libraries and server-testing.
  passWithNoTests: true,
};
