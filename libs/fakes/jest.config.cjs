module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'fakes',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
