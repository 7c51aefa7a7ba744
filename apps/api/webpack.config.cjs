// Bundles the api (and the workspace libs it imports) into dist/apps/api/main.js; node_modules
// stay external. swc compiles TypeScript with the decorator metadata Nest's injection needs.
const path = require('node:path');
const webpack = require('webpack');
const nodeExternals = require('webpack-node-externals');
const { version } = require('../../package.json');

const root = path.resolve(__dirname, '../..');

/**
 * V8 keeps every script's source in memory, one byte a character only if all of them are Latin-1:
 * a single "…" doubles main.js's 2.3 MB in the heap. swc escapes strings (`output.charset`); this
 * escapes what is left, comments, through a ReplaceSource so the source map still lines up.
 */
class AsciiOnlyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AsciiOnlyPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AsciiOnlyPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of Object.keys(assets).filter((file) => file.endsWith('.js'))) {
            const original = assets[name];
            const text = original.source().toString();
            if (!/[^\x00-\x7f]/.test(text)) continue;
            const escaped = new webpack.sources.ReplaceSource(original);
            // Without the u flag each UTF-16 unit matches alone: an emoji becomes its two escapes.
            for (const match of text.matchAll(/[^\x00-\x7f]/g)) {
              const unit = match[0].charCodeAt(0).toString(16).padStart(4, '0');
              escaped.replace(match.index, match.index, `\\u${unit}`);
            }
            compilation.updateAsset(name, escaped);
          }
        },
      );
    });
  }
}

module.exports = {
  mode: 'production',
  target: 'node20',
  context: root,
  entry: { main: './apps/api/src/main.ts', cli: './apps/api/src/cli/cli-main.ts' },
  output: { path: path.join(root, 'dist/apps/api'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  externalsPresets: { node: true },
  externals: [nodeExternals({ modulesDir: path.join(root, 'node_modules') })],
  resolve: {
    extensions: ['.ts', '.js', '.json'],
    alias: {
      '@podium/contracts': path.join(root, 'libs/contracts/src/index.ts'),
      '@podium/meetings': path.join(root, 'libs/meetings/src/index.ts'),
      '@podium/bots': path.join(root, 'libs/bots/src/index.ts'),
      '@podium/points': path.join(root, 'libs/points/src/index.ts'),
      '@podium/redeems': path.join(root, 'libs/redeems/src/index.ts'),
      '@podium/chat': path.join(root, 'libs/chat/src/index.ts'),
      '@podium/questions': path.join(root, 'libs/questions/src/index.ts'),
    },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', decorators: true },
              transform: { legacyDecorator: true, decoratorMetadata: true },
              target: 'es2022',
              keepClassNames: true,
              output: { charset: 'ascii' },
            },
            module: { type: 'commonjs' },
            sourceMaps: true,
          },
        },
      },
    ],
  },
  optimization: { minimize: false },
  plugins: [
    new webpack.DefinePlugin({ PODIUM_BUILD_VERSION: JSON.stringify(version) }),
    new AsciiOnlyPlugin(),
  ],
  node: { __dirname: false, __filename: false },
  stats: 'errors-warnings',
};
