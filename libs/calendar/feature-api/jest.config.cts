module.exports = {
  displayName: 'calendar-feature-api',
  preset: '../../../jest.preset.js',
};
