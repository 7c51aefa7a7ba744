// Benchmarks: the real api on the machine's PostgreSQL and Redis, like the api integration tests,
// but run on demand; `npm test` runs each at its smoke size (BENCH_SMOKE=1, bench:smoke). See bench/README.md.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.bench.ts'],
  testTimeout: 20 * 60_000,
};
