import { randomBytes } from 'node:crypto';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@podium/contracts';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { createDatabase, REDIS_URL } from './database';
import { freePort, newDataDir, type RunningServer, startServer } from './server';

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

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real Socket.IO client on one replica; resolves once the server says the session is ready. */
export function connectLive(
  baseUrl: string,
  auth: { cookie?: string; attendeeToken?: string; overlayToken?: string },
): Promise<LiveSocket> {
  const socket: LiveSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: auth.cookie ? { cookie: auth.cookie } : undefined,
    auth: {
      ...(auth.attendeeToken ? { attendeeToken: auth.attendeeToken } : {}),
      ...(auth.overlayToken ? { overlayToken: auth.overlayToken } : {}),
    },
  });
  return new Promise((resolve, reject) => {
    socket.once('session.ready', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

type AckedEvent = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [unknown, unknown]
    ? E
    : never;
}[keyof ClientToServerEvents];
type AckOf<E extends AckedEvent> = Parameters<ClientToServerEvents[E]>[1] extends (result: infer R) => void
  ? R
  : never;

/** Emits an event that takes an acknowledgement and resolves with the ack (ok or error). */
export function emitAck<E extends AckedEvent>(
  socket: LiveSocket,
  event: E,
  request: Parameters<ClientToServerEvents[E]>[0],
): Promise<AckOf<E>> {
  const timed = socket.timeout(10_000) as unknown as {
    emitWithAck(event: string, request: unknown): Promise<AckOf<E>>;
  };
  return timed.emitWithAck(event, request);
}

/** The data of a successful ack; throws with the error body otherwise. */
export function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** Every payload of `event` the socket receives from now on. */
export function record<E extends keyof ServerToClientEvents>(
  socket: LiveSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  (socket as unknown as { on(e: string, l: (p: unknown) => void): void }).on(event, (payload) =>
    seen.push(payload as Parameters<ServerToClientEvents[E]>[0]),
  );
  return seen;
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
