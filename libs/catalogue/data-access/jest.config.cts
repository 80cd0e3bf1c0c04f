module.exports = {
  displayName: 'catalogue-data-access',
  preset: '../../../jest.preset.js',
  // Exercised end to end (repositories, CatalogueReader, migrations and triggers, on the real
  // database) by catalogue-feature-api's integration suites and server-testing's isolation suite.
  passWithNoTests: true,
};
