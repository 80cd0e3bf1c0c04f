module.exports = {
  displayName: 'server-core-observability',
  preset: '../../../../jest.preset.js',
};
