import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RedisService } from './redis.service';

/**
 * A limiter of `points` per `durationSeconds`, shared through Redis when it is there (so replicas
 * cannot multiply a limit), in this process's memory otherwise.
 */
export function createRateLimiter(
  redis: RedisService,
  keyPrefix: string,
  points: number,
  durationSeconds: number,
): RateLimiterAbstract {
  return redis.enabled
    ? new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${redis.keyPrefix}:${keyPrefix}`,
        points,
        duration: durationSeconds,
      })
    : new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
}
