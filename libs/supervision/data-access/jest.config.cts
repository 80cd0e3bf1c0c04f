module.exports = {
  displayName: 'supervision-data-access',
  preset: '../../../jest.preset.js',
};
