// Bundles the api (and the workspace libs it imports) into dist/apps/api/main.js; node_modules
// stay external. swc compiles TypeScript with the decorator metadata Nest's injection needs.
const path = require('node:path');
const webpack = require('webpack');
const nodeExternals = require('webpack-node-externals');
const { version } = require('../../package.json');

const root = path.resolve(__dirname, '../..');

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
            },
            module: { type: 'commonjs' },
            sourceMaps: true,
          },
        },
      },
    ],
  },
  optimization: { minimize: false },
  plugins: [new webpack.DefinePlugin({ PODIUM_BUILD_VERSION: JSON.stringify(version) })],
  node: { __dirname: false, __filename: false },
  stats: 'errors-warnings',
};
