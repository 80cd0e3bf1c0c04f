module.exports = {
  displayName: 'server-core-auth',
  preset: '../../../../jest.preset.js',
};
