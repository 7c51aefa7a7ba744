// Shared jest settings: @swc/jest compiles TypeScript with decorator metadata (ts-jest cannot load
// the ESM-only Nest 12 / twurple builds), and workspace aliases resolve to library sources.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@twurple|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|load-esm)/)',
  ],
  moduleNameMapper: {
    '^@podium/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@podium/api-client$': path.join(root, 'libs/api-client/src/index.ts'),
    '^@podium/meetings$': path.join(root, 'libs/meetings/src/index.ts'),
    '^@podium/bots$': path.join(root, 'libs/bots/src/index.ts'),
    '^@podium/points$': path.join(root, 'libs/points/src/index.ts'),
    '^@podium/redeems$': path.join(root, 'libs/redeems/src/index.ts'),
    '^@podium/chat$': path.join(root, 'libs/chat/src/index.ts'),
    '^@podium/fakes$': path.join(root, 'libs/fakes/src/index.ts'),
    '^@podium/questions$': path.join(root, 'libs/questions/src/index.ts'),
    '^@podium/ui$': path.join(root, 'libs/ui/src/index.ts'),
    '^@podium/ui/testing$': path.join(root, 'libs/ui/src/test/live-meeting.factory.ts'),
    // twurple's mock-server port reader uses import.meta (see jest/twurple-mock-api-port.cjs).
    '^\\./mockApiPort\\.js$': path.join(root, 'jest/twurple-mock-api-port.cjs'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
