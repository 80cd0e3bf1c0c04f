module.exports = {
  displayName: 'server-testing',
  preset: '../../../jest.preset.js',
};
