import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transaction';

/** Side effects already done for a chat event, so a retried or redelivered event does them once. */
@Injectable()
export class BotEffectsRepository {
  /** True when this call recorded the effect; false when it was already there. */
  async claim(tx: Tx, eventId: string, effect: string): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO "bot_event_effects" ("event_id", "effect") VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING "event_id"`,
      [eventId, effect.slice(0, 200)],
    )) as unknown[];
    return rows.length === 1;
  }
}
