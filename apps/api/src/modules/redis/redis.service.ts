import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type * as Ioredis from 'ioredis';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config';

/** Reconnect delays grow by this much per attempt… */
const RECONNECT_STEP_MS = 100;
/** …up to this, so a returning Redis is picked up within a second. */
const MAX_RECONNECT_DELAY_MS = 1_000;
const PING_TIMEOUT_MS = 1_000;

/* ioredis loads on the first connection: an install without REDIS_URL never loads it. */
const ioredis = (): typeof Ioredis => require('ioredis') as typeof Ioredis;

/**
 * The Redis connections of this process, when REDIS_URL is set. Without it Podium runs on one
 * process: callers check `enabled` and use their in-memory driver instead.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly connections: Redis[] = [];
  private shared?: Redis;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.redisUrl !== undefined;
  }

  /** Prefix for every key Podium writes, so several installs (or test runs) can share a server. */
  get keyPrefix(): string {
    return this.config.redisPrefix;
  }

  /** The shared command connection. */
  get client(): Redis {
    this.shared ??= this.connect('shared');
    return this.shared;
  }

  /**
   * A new dedicated connection (subscribers and blocking workers need their own). While Redis is
   * away it reconnects forever, at most a second apart, so the process recovers unattended; a
   * command waits through three attempts (under a second), then fails instead of hanging.
   */
  connect(
    purpose: string,
    options: {
      maxRetriesPerRequest?: number | null;
      /** Commands issued in the same tick leave in one write (a burst of publishes: one syscall). */
      autoPipelining?: boolean;
    } = {},
  ): Redis {
    if (!this.config.redisUrl) throw new Error('Redis is not configured (REDIS_URL)');
    const connection = new (ioredis().Redis)(this.config.redisUrl, {
      connectionName: `podium:${purpose}`,
      maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 3 : options.maxRetriesPerRequest,
      retryStrategy: (attempt) => Math.min(attempt * RECONNECT_STEP_MS, MAX_RECONNECT_DELAY_MS),
      enableAutoPipelining: options.autoPipelining ?? false,
    });
    this.logTransitions(purpose, connection);
    this.connections.push(connection);
    return connection;
  }

  /** Whether the shared connection is up now; answers at once while Redis is away. */
  async ping(timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
    if (!this.enabled || this.client.status !== 'ready') return false;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.client.ping().then((reply) => reply === 'PONG'), timedOut]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One line when a connection drops and one when it is back, not one per reconnect attempt. */
  private logTransitions(purpose: string, connection: Redis): void {
    let lost = false;
    connection.on('error', (error: Error) => {
      if (lost) return;
      lost = true;
      this.logger.warn({ purpose, err: error.message }, 'redis connection lost: reconnecting');
    });
    connection.on('ready', () => {
      if (!lost) return;
      lost = false;
      this.logger.warn({ purpose }, 'redis connection back');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
  }
}
