module.exports = {
  displayName: 'server-core-http',
  preset: '../../../../jest.preset.js',
};
