module.exports = {
  displayName: 'server-core-tenancy',
  preset: '../../../../jest.preset.js',
};
