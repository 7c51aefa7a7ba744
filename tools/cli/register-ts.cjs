// A minimal require hook for running the api from source: TypeScript through @swc/core (decorators
// and their metadata, as the webpack build does) and the `@podium/*` aliases to the libs' sources.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

function register(root) {
  const { transformSync } = require('@swc/core');
  const aliases = {};
  for (const lib of fs.readdirSync(path.join(root, 'libs'))) {
    const index = path.join(root, 'libs', lib, 'src/index.ts');
    if (fs.existsSync(index)) aliases[`@podium/${lib}`] = index;
  }
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (Object.prototype.hasOwnProperty.call(aliases, request)) return aliases[request];
    return resolve.call(this, request, parent, ...rest);
  };
  require.extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
      filename,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    });
    module._compile(code, filename);
  };
}

module.exports = { register };
