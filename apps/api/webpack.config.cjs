// Bundles the api (and the workspace libs it imports) into dist/apps/api/main.js, together with the
// packages it uses from node_modules, minified: V8 keeps the source of every script it loaded for
// as long as the process runs, and the modules loaded at boot (Nest, TypeORM, zod, swagger…) were
// 31 MB of an idle api's heap. swc compiles TypeScript with the decorator metadata Nest's injection needs.
const path = require('node:path');
const TerserPlugin = require('terser-webpack-plugin');
const webpack = require('webpack');
const { version } = require('../../package.json');

const root = path.resolve(__dirname, '../..');

/** What Node still loads from node_modules at run time, and why it cannot be bundled. */
const EXTERNAL = [
  // PGlite reads its WebAssembly and file bundle from beside its own script.
  /^@electric-sql\/pglite(-socket)?(\/|$)/,
  // A native addon.
  /^@node-rs\/argon2/,
  // TypeORM loads the driver by name at run time (see typeorm-driver-loader.cjs): one copy for it
  // and for Podium's own code.
  /^pg(\/|$)/,
  // pino runs transports (pino-pretty in development) in worker threads that load files by path.
  /^pino(-pretty)?(\/|$)/,
  // Swagger UI's page and assets are served from the package's own folder.
  /^swagger-ui-dist(\/|$)/,
  // Required on first use (a Twitch connection; REDIS_URL): an api that never uses them never
  // reads them, where inside the bundle their source would be held from the start.
  /^@twurple\//,
  /^(bullmq|ioredis)(\/|$)/,
];

/**
 * Optional packages that Nest, TypeORM and ws look for and do without (other databases' drivers,
 * class-validator, microservices, native speed-ups): left out, their require throws as when they
 * are not installed, which those packages expect.
 */
const OPTIONAL_ABSENT = [
  /^@nestjs\/microservices(\/|$)/,
  /^class-(validator|transformer)(\/|$)/,
  /^(@fastify\/static|hbs|ejs)$/,
  /^(mysql2?|oracledb|sqlite3|better-sqlite3|sql\.js|mssql|mongodb|redis|pg-query-stream|expo-sqlite)$/,
  /^(react-native-sqlite-storage|typeorm-aurora-data-api-driver|@google-cloud\/spanner|hdb-pool)$/,
  /^@sap\/hana-client(\/|$)/,
  /^(bufferutil|utf-8-validate)$/,
];

module.exports = {
  mode: 'production',
  target: 'node20',
  context: root,
  entry: { main: './apps/api/src/main.ts', cli: './apps/api/src/cli/cli-main.ts' },
  output: { path: path.join(root, 'dist/apps/api'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  externalsPresets: { node: true },
  externals: [
    ({ request }, callback) =>
      request && EXTERNAL.some((pattern) => pattern.test(request))
        ? callback(undefined, `commonjs ${request}`)
        : callback(),
  ],
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
      {
        test: /[\\/]node_modules[\\/]typeorm[\\/]platform[\\/]PlatformTools\.js$/,
        use: path.join(__dirname, 'typeorm-driver-loader.cjs'),
      },
    ],
  },
  optimization: {
    // main.js and cli.js share nearly every module: one chunk of them, minified once.
    splitChunks: { chunks: 'initial', name: 'shared', minSize: 0 },
    minimizer: [
      new TerserPlugin({
        extractComments: false,
        terserOptions: {
          // Names only: compressing rewrites code for a few percent more, at a risk not worth it.
          compress: false,
          mangle: true,
          // Nest and TypeORM read class names (entity and provider names, log contexts), and stack
          // traces keep naming classes and functions; positions map back through the .map files.
          keep_classnames: true,
          keep_fnames: true,
          // V8 stores a script's source one byte a character only if all of it is Latin-1: a
          // single "…" would double main.js in the heap.
          format: { ascii_only: true, comments: false },
        },
      }),
    ],
  },
  plugins: [
    new webpack.DefinePlugin({ PODIUM_BUILD_VERSION: JSON.stringify(version) }),
    new webpack.IgnorePlugin({
      checkResource: (resource) => OPTIONAL_ABSENT.some((pattern) => pattern.test(resource)),
    }),
  ],
  // Requires by a name known only at run time, which webpack cannot follow and Podium does not
  // reach: template engines, ormconfig files, entity and migration globs (Podium passes classes),
  // another rate-limiter store, and Nest's optional packages (which come through loader functions).
  ignoreWarnings: [
    {
      module: /node_modules[\\/](@nestjs[\\/](common|core)|express|typeorm|rate-limiter-flexible)[\\/]/,
      message: /the request of a dependency is an expression/,
    },
  ],
  node: { __dirname: false, __filename: false },
  stats: 'errors-warnings',
};
