import { Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { createRateLimiter } from '../redis/rate-limiter';
import { RedisService } from '../redis/redis.service';
import { AuthErrorCode, AuthException } from './auth.exception';

const WINDOW_SECONDS = 15 * 60;

/**
 * Slows down password guessing: attempts per (address, e-mail) and, more loosely, per address.
 * Shared through Redis when several replicas run, so the limit holds across them.
 */
@Injectable()
export class LoginLimiter {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(config: AppConfig, redis: RedisService) {
    const points = config.loginAttemptsPer15Min;
    const make = (keyPrefix: string, limit: number): RateLimiterAbstract =>
      createRateLimiter(redis, keyPrefix, limit, WINDOW_SECONDS);
    this.perAccount = make('login-account', points);
    this.perAddress = make('login-address', points * 5);
  }

  /** Counts an attempt; throws 429 with Retry-After once over the limit. */
  async consume(address: string, email: string): Promise<void> {
    try {
      await Promise.all([this.perAccount.consume(`${address}|${email}`), this.perAddress.consume(address)]);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AuthException(AuthErrorCode.TooManyAttempts, 'Too many sign-in attempts; try again later', {
        retryAfterSeconds,
      });
    }
  }

  /** A successful sign-in clears that account's count from this address. */
  async reset(address: string, email: string): Promise<void> {
    await this.perAccount.delete(`${address}|${email}`);
  }
}
