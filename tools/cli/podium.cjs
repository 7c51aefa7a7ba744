#!/usr/bin/env node
// `npx podium <command>`: ops commands (queue:clear, counters:reset, milestone:reset, points:grant).
// In a checkout it runs the api's TypeScript directly (compiled on the fly by @swc/core); in a
// deployed image, where only dist/ exists, the bundled dist/apps/api/cli.js.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const source = path.join(root, 'apps/api/src/cli/cli-main.ts');
const built = path.join(root, 'dist/apps/api/cli.js');

if (fs.existsSync(source)) {
  require('./register-ts.cjs').register(root);
  require(source);
} else if (fs.existsSync(built)) {
  require(built);
} else {
  process.stderr.write('podium: build the api first (npm run build)\n');
  process.exit(1);
}
