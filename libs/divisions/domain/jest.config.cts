module.exports = {
  displayName: 'divisions-domain',
  preset: '../../../jest.preset.js',
};
