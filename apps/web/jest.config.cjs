const path = require('node:path');
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@/(.*)$': path.join(__dirname, 'src/$1'),
    '\\.css$': path.join(__dirname, '../../jest/style-stub.cjs'),
  },
};
