module.exports = {
  displayName: 'catalogue-data-access',
  preset: '../../../jest.preset.js',
  // Exercised end to end (repositories, CatalogueReader, migrations and triggers, on the real
};
