import { randomBytes } from 'node:crypto';

/** Where the integration tests find the machine's services (set by .ci/run, defaults for this machine). */
export const TEST_DATABASE_URL =
  process.env['PODIUM_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['PODIUM_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
