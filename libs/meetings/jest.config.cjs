module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'meetings',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
