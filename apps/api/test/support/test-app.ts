import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createPodiumApp, type PodiumApp } from '../../src/bootstrap/create-app';
import { loadConfig } from '../../src/config/app-config';
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
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['PODIUM_TEST_LOG_LEVEL'] ?? 'silent',
    DATA_DIR: dataDir,
    STATIC_DIR: join(dataDir, 'no-static'),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.redisPrefix ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: options.redisPrefix } : {}),
    ...options.env,
  });
  const silent = config.logLevel === 'silent';
  const podium = await createPodiumApp(config, { bufferLogs: false, silent });
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
