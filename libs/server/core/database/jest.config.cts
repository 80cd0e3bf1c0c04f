module.exports = {
  displayName: 'server-core-database',
  preset: '../../../../jest.preset.js',
};
