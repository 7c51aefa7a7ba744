// Cross-process tests: the built server started as a user would start it, driven by Debian's
// Chromium through playwright-core and by plain HTTP.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
  testTimeout: 120_000,
};
