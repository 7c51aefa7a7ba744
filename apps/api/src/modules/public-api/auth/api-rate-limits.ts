import { Injectable } from '@nestjs/common';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../../config/app-config';
import { createRateLimiter } from '../../redis/rate-limiter';
import { RedisService } from '../../redis/redis.service';

/** The outcome of one request against a limit, enough to write the RateLimit-* headers. */
export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (and, when refused, until a retry may succeed). */
  resetSeconds: number;
}

/**
 * Public API limits: per token and per client IP, each over a fixed window, shared through Redis
 * when it is there so N replicas do not multiply them.
 */
@Injectable()
export class ApiRateLimits {
  private readonly perToken: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(
    private readonly config: AppConfig,
    redis: RedisService,
  ) {
    const { perToken, perIp, windowSeconds } = config.apiRateLimit;
    this.perToken = createRateLimiter(redis, 'api:token', perToken, windowSeconds);
    this.perIp = createRateLimiter(redis, 'api:ip', perIp, windowSeconds);
  }

  consumeToken(tokenId: string): Promise<RateLimitResult> {
    return consume(this.perToken, tokenId, this.config.apiRateLimit.perToken);
  }

  consumeIp(ip: string): Promise<RateLimitResult> {
    return consume(this.perIp, ip, this.config.apiRateLimit.perIp);
  }
}

async function consume(limiter: RateLimiterAbstract, key: string, limit: number): Promise<RateLimitResult> {
  try {
    const result = await limiter.consume(key);
    return { allowed: true, limit, remaining: result.remainingPoints, resetSeconds: seconds(result) };
  } catch (error) {
    // The limiter rejects with its result when the limit is reached, with an Error on a store failure.
    if (!(error instanceof RateLimiterRes)) throw error;
    return { allowed: false, limit, remaining: 0, resetSeconds: seconds(error) };
  }
}

function seconds(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}
