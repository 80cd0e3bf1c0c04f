module.exports = {
  displayName: 'calendar-data-access',
  preset: '../../../jest.preset.js',
};
