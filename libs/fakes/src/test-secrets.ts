import { appendFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Set by `npm test`: every api process the tests start writes its logs into this folder, and every
 * secret the tests and fakes make is listed in it, so `tools/scan-test-logs.cjs` can look for them.
 */
export const TEST_LOG_DIR_VARIABLE = 'PODIUM_TEST_LOG_DIR';
/** One JSON object `{ kind, value }` per line, appended by every test process. */
export const TEST_SECRETS_FILE = 'secrets.list';
/** Shorter values would match by chance (ids, words); the scanner ignores them too. */
const MIN_SECRET_LENGTH = 8;

const recorded = new Set<string>();

export function testLogDir(): string | undefined {
  return process.env[TEST_LOG_DIR_VARIABLE] || undefined;
}

/** Lists a secret the tests made or received, when logs are being collected; a no-op otherwise. */
export function recordTestSecret(kind: string, value: string | null | undefined): void {
  const dir = testLogDir();
  if (!dir || !value || value.length < MIN_SECRET_LENGTH || recorded.has(value)) return;
  recorded.add(value);
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, TEST_SECRETS_FILE), `${JSON.stringify({ kind, value })}\n`);
}

/**
 * The log file for api processes of type `role` started by this test process, named after the
 * running test file so a finding points at the test that produced it; undefined when not collecting.
 */
export function testLogFile(role: string): string | undefined {
  const dir = testLogDir();
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const testPath = (
    globalThis as { expect?: { getState?: () => { testPath?: string } } }
  ).expect?.getState?.().testPath;
  const test = testPath ? basename(testPath).replace(/\.(spec|bench)\.[cm]?[jt]s$|\.[cm]?[jt]s$/, '') : 'run';
  return join(dir, `${role}-${test}-${process.pid}.log`);
}
