// Entry of every bench child process (client swarms, load generators): plain Node with a require
// hook that strips types with @swc/core, then the TypeScript module named by the first argument
// (relative to this folder). Only type-level TypeScript is needed there (no decorators); the
// workspace aliases (`@podium/fakes`, …) resolve through tsconfig.base.json's paths, so the
// children can reuse the api's test support and the fakes.
const Module = require('node:module');
const { join, resolve } = require('node:path');
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

const root = resolve(__dirname, '../..');
const { paths } = require(join(root, 'tsconfig.base.json')).compilerOptions;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWorkspaceAlias(request, ...rest) {
  const target = paths[request]?.[0];
  return resolveFilename.call(this, target ? join(root, target) : request, ...rest);
};

const entry = process.argv[2];
if (!entry) throw new Error('usage: ts-child.cjs <module.ts>');
require(join(__dirname, entry));
