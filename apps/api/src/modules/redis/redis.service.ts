import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config';

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

  /** A new dedicated connection (subscribers and blocking workers need their own). */
  connect(purpose: string, options: { maxRetriesPerRequest?: number | null } = {}): Redis {
    if (!this.config.redisUrl) throw new Error('Redis is not configured (REDIS_URL)');
    const connection = new Redis(this.config.redisUrl, {
      connectionName: `podium:${purpose}`,
      maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 3 : options.maxRetriesPerRequest,
    });
    connection.on('error', (error: Error) =>
      this.logger.warn({ purpose, err: error.message }, 'redis error'),
    );
    this.connections.push(connection);
    return connection;
  }

  async ping(): Promise<boolean> {
    if (!this.enabled) return false;
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
  }
}
