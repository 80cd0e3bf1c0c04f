module.exports = {
  displayName: 'server-core-errors',
  preset: '../../../../jest.preset.js',
};
