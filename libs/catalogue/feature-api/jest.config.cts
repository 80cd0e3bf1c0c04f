module.exports = {
  displayName: 'catalogue-feature-api',
  preset: '../../../jest.preset.js',
};
