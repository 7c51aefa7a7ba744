module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'questions',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
