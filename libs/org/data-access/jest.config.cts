module.exports = {
  displayName: 'org-data-access',
  preset: '../../../jest.preset.js',
};
