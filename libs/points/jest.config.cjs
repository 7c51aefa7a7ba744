module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'points',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
