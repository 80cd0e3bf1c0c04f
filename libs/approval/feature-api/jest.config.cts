module.exports = {
  displayName: 'approval-feature-api',
  preset: '../../../jest.preset.js',
};
