module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'redeems',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
