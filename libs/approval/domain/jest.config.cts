module.exports = {
  displayName: 'approval-domain',
  preset: '../../../jest.preset.js',
};
