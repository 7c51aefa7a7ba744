// Entry of the client swarm's child process: plain Node with a require hook that strips types with
// @swc/core, so the swarm can import the api's test support (sockets, LiveClient) as TypeScript.
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

require('./client-swarm.ts');
