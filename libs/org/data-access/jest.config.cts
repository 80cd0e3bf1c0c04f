module.exports = {
  displayName: 'org-data-access',
  preset: '../../../jest.preset.js',
  // Exercised end to end by the integration suites of the feature libraries and server-testing.
  passWithNoTests: true,
};
