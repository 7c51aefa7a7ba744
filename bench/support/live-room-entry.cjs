// Entry of a live-room load generator: plain Node with a require hook that strips types with
// @swc/core, so the load generator runs from its TypeScript source.
// Only type-level TypeScript is needed there: no decorators, no workspace aliases at run time.
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');

addHook(
  (code, filename) =>
    transformSync(code, {
      filename,
      sourceMaps: 'inline',
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    }).code,
  { exts: ['.ts'], ignoreNodeModules: true },
);

require('./live-room-load.ts');
