module.exports = {
  displayName: 'catalogue-domain',
  preset: '../../../jest.preset.js',
};
