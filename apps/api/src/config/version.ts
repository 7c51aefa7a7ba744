/** Set at build time from package.json; `dev` when running from source. */
declare const PODIUM_BUILD_VERSION: string | undefined;

export const PODIUM_VERSION: string =
  typeof PODIUM_BUILD_VERSION === 'string'
    ? PODIUM_BUILD_VERSION
    : (process.env['npm_package_version'] ?? 'dev');
