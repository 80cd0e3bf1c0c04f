module.exports = {
  displayName: 'server-schema',
  preset: '../../../jest.preset.js',
};
