module.exports = {
  displayName: 'supervision-domain',
  preset: '../../../jest.preset.js',
};
