module.exports = {
  displayName: 'calendar-domain',
  preset: '../../../jest.preset.js',
};
