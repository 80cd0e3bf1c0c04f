module.exports = {
  displayName: 'catalogue-data-access',
  preset: '../../../jest.preset.js',
};
