import { Injectable } from '@nestjs/common';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { createRateLimiter } from '../../redis/rate-limiter';
import { RedisService } from '../../redis/redis.service';
import { LiveErrorCode, LiveException } from './live.exception';

const WINDOW_SECONDS = 60;
/** Q&A entries an attendee may post per minute. */
export const QA_ASKS_PER_MINUTE = 5;
/** Wrong flag codes an attendee may try per minute; then every try is refused until the minute is over. */
export const FLAG_WRONG_TRIES_PER_MINUTE = 5;

/**
 * Per-attendee limits of the live run. Shared through Redis when several replicas run, so an
 * attendee cannot multiply them by landing on another replica.
 */
@Injectable()
export class LiveLimiters {
  private readonly qaAsks: RateLimiterAbstract;
  private readonly flagGuesses: RateLimiterAbstract;

  constructor(redis: RedisService) {
    const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
      createRateLimiter(redis, keyPrefix, points, WINDOW_SECONDS);
    this.qaAsks = make('qa-ask', QA_ASKS_PER_MINUTE);
    this.flagGuesses = make('flag-wrong', FLAG_WRONG_TRIES_PER_MINUTE);
  }

  /** Counts a Q&A entry; 429 once over the limit. */
  async consumeQaAsk(attendeeId: string): Promise<void> {
    try {
      await this.qaAsks.consume(attendeeId);
    } catch (rejection) {
      throw limited(rejection, LiveErrorCode.QaTooManyQuestions, 'You are asking fast');
    }
  }

  /** Refuses every try, right or wrong, once the wrong ones used up the minute (no brute force). */
  async assertFlagTriesLeft(attendeeId: string): Promise<void> {
    const used = await this.flagGuesses.get(attendeeId);
    if (used && used.consumedPoints >= FLAG_WRONG_TRIES_PER_MINUTE) {
      throw limited(used, LiveErrorCode.FlagTooManyAttempts, 'Too many wrong codes');
    }
  }

  /** Counts a wrong code; 429 when it was one too many. */
  async countWrongFlag(attendeeId: string): Promise<void> {
    try {
      await this.flagGuesses.consume(attendeeId);
    } catch (rejection) {
      throw limited(rejection, LiveErrorCode.FlagTooManyAttempts, 'Too many wrong codes');
    }
  }
}

function limited(rejection: unknown, code: LiveErrorCode, what: string): unknown {
  if (!(rejection instanceof RateLimiterRes)) return rejection;
  const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  return new LiveException(code, `${what}: try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}
