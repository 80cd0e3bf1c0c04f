module.exports = {
  displayName: 'dev-runner',
  preset: '../../jest.preset.js',
};
