// Benchmarks: the real api on the machine's PostgreSQL and Redis, like the api integration tests,
// but run on demand only (never by `npm test`). See bench/README.md.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.bench.ts'],
  testTimeout: 20 * 60_000,
};
