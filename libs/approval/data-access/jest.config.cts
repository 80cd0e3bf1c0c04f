module.exports = {
  displayName: 'approval-data-access',
  preset: '../../../jest.preset.js',
};
