module.exports = {
  displayName: 'server-core-config',
  preset: '../../../../jest.preset.js',
};
