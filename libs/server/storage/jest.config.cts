module.exports = {
  displayName: 'server-storage',
  preset: '../../../jest.preset.js',
};
