module.exports = {
  displayName: 'server-core-crypto',
  preset: '../../../../jest.preset.js',
};
