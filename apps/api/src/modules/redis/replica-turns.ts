import { Injectable } from '@nestjs/common';
import { RedisService } from './redis.service';

/**
 * Work that every replica may be asked to do but that one of them doing once per period is enough:
 * a push that reads the current state from the database (results to a meeting's room). The first
 * replica to ask for a key's turn gets it for `periodMs`; the others are refused until it ends.
 * Without Redis (one process), or while it is away, every ask gets the turn: pushing twice is
 * harmless, not pushing is not.
 */
@Injectable()
export class ReplicaTurns {
  constructor(private readonly redis: RedisService) {}

  /** Whether this replica has the turn for `key` now (then no other has it for `periodMs`). */
  async take(key: string, periodMs: number): Promise<boolean> {
    if (!this.redis.enabled || this.redis.client.status !== 'ready') return true;
    try {
      const taken = await this.redis.client.set(
        `${this.redis.keyPrefix}:turn:${key}`,
        '1',
        'PX',
        periodMs,
        'NX',
      );
      return taken === 'OK';
    } catch {
      return true;
    }
  }
}
