import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createDatabase, REDIS_URL } from './database';
import { freePort, newDataDir, type RunningServer, startServer } from './server';

// The socket helpers live in one place for every e2e spec.
export { connectLive, type LiveSocket, ok, record, request } from './live-sockets';

/** Several built api processes sharing one fresh PostgreSQL database, one Redis prefix and their keys. */
export interface Cluster {
  replicas: RunningServer[];
  /** Each replica's own address (its `url` is PUBLIC_URL when that is set). */
  urls: string[];
  db: Awaited<ReturnType<typeof createDatabase>>;
  redisPrefix: string;
  /** Stops every replica (SIGTERM), then drops the database and the Redis keys. */
  stop(): Promise<void>;
}

/** Starts `count` replicas at once, as `npm run replicas` does: same secrets, own data dirs and ports. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const db = await createDatabase();
  const redisPrefix = `podium_e2e_${randomBytes(4).toString('hex')}`;
  const shared = {
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...env,
  };
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const started = await Promise.allSettled(
    ports.map((port) => startServer({ ...shared, PORT: String(port), DATA_DIR: newDataDir() })),
  );
  const replicas = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await db.drop();
    await clearRedisPrefix(redisPrefix);
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { replicas, urls: ports.map((port) => `http://127.0.0.1:${port}`), db, redisPrefix, stop };
}

async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
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

/** JSON over HTTP with one session cookie, usable against any replica (sessions live in PostgreSQL). */
export class Session {
  cookie = '';

  async call<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('podium_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${baseUrl}${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, failing after `ms` with `what`. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
