// Boots the real Nest app against the machine's PostgreSQL and Redis (a fresh database per suite),
// and once against the embedded database.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.spec.ts'],
  testTimeout: 60_000,
};
