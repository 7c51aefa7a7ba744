import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RedisService } from './redis.service';

/**
 * A limiter of `points` per `durationSeconds`, shared through Redis when it is there (so replicas
 * cannot multiply a limit), in this process's memory otherwise. While Redis is down the limit
 * holds per process in memory instead of failing every sign-in, question and API call.
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
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds }),
      })
    : new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
}
