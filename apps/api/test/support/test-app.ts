import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordTestSecret, testLogFile } from '@podium/fakes';
import { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import { createPodiumApp, type PodiumApp } from '../../src/bootstrap/create-app';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { AppSecrets } from '../../src/config/secrets';
import { TEST_REDIS_URL, uniqueName } from './test-env';

export interface TestAppOptions {
  /** A real database URL; omit for the embedded database. */
  databaseUrl?: string;
  /** Use the machine's Redis under this key prefix (share it to make replicas). */
  redisPrefix?: string;
  /** Reuse a data folder (restart tests); a fresh temporary one otherwise. */
  dataDir?: string;
  env?: Record<string, string>;
}

export interface TestApp {
  podium: PodiumApp;
  baseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Boots the real Podium server on a random loopback port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'podium-it-'));
  // With PODIUM_TEST_LOG_DIR set, logs (request logs included) go to a file only, for the secrets
  // scan; a test that sets its own LOG_LEVEL reads standard output and keeps it.
  const logFile = options.env?.['LOG_LEVEL'] ? undefined : testLogFile('api');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['PODIUM_TEST_LOG_LEVEL'] ?? (logFile ? 'info' : 'silent'),
    DATA_DIR: dataDir,
    STATIC_DIR: join(dataDir, 'no-static'),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.redisPrefix ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: options.redisPrefix } : {}),
    ...options.env,
  });
  const silent = config.logLevel === 'silent';
  const podium = logFile
    ? await createPodiumApp(config, { bufferLogs: true, logDestination: appendingTo(logFile) })
    : await createPodiumApp(config, { bufferLogs: false, silent });
  recordInstallSecrets(config, podium.app.get(AppSecrets));
  await podium.app.listen(0, '127.0.0.1');
  const address = podium.app.getHttpServer().address() as { port: number };
  return {
    podium,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataDir,
    close: async () => {
      await podium.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Appends each line synchronously: nothing is lost when a test process ends, no file stays open. */
function appendingTo(file: string): DestinationStream {
  return { write: (line: string) => appendFileSync(file, line) };
}

function recordInstallSecrets(config: AppConfig, secrets: AppSecrets): void {
  recordTestSecret('session-secret', secrets.sessionSecret);
  recordTestSecret('encryption-key', secrets.encryptionKey.toString('hex'));
  recordTestSecret('twitch-client-secret', config.twitch.clientSecret);
  recordTestSecret('eventsub-secret', config.twitch.eventSubSecret);
  recordTestSecret('google-client-secret', config.google.clientSecret);
}

export function newRedisPrefix(): string {
  return uniqueName('podium_it');
}

/** Removes every key a test run wrote under its prefix. */
export async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
