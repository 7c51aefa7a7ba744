// Entry of the webhook ingest load generator's child process: plain Node with a require hook that
// strips types with @swc/core (as swarm-entry.cjs does), so it can reuse the fake Twitch's signer.
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

require('./webhook-ingest-load.ts');
