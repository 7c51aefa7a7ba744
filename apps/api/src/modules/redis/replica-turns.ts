import { Injectable } from '@nestjs/common';
import { RedisService } from './redis.service';

/**
 * Work that every replica may be asked to do but that one of them doing once per period is enough:
 * a push that reads the current state from the database (results to a meeting's room). The first
 * replica to ask for a key's turn gets it for `periodMs`; the others are told how long to wait.
 * Without Redis (one process), or while it is away, every ask gets the turn: pushing twice is
 * harmless, not pushing is not.
 */
@Injectable()
export class ReplicaTurns {
  constructor(private readonly redis: RedisService) {}

  /** 0 when this replica has the turn for `key` now, else the ms until the current one ends. */
  async take(key: string, periodMs: number): Promise<number> {
    if (!this.redis.enabled || this.redis.client.status !== 'ready') return 0;
    const name = `${this.redis.keyPrefix}:turn:${key}`;
    try {
      if ((await this.redis.client.set(name, '1', 'PX', periodMs, 'NX')) === 'OK') return 0;
      // Gone between the two commands (or no expiry): the turn is free again.
      return Math.max(0, await this.redis.client.pttl(name));
    } catch {
      return 0;
    }
  }
}
