module.exports = {
  displayName: 'org-feature-api',
  preset: '../../../jest.preset.js',
};
