import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transaction';
import type { InsertGuard } from '../chat/outbox/outbox.repository';

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

  /** The same claim, made by the statement that writes the effect (see InsertGuard). */
  claimWith(eventId: string, effect: string): InsertGuard {
    return {
      sql: (param) =>
        `INSERT INTO "bot_event_effects" ("event_id", "effect") VALUES (${param(eventId)}::uuid, ${param(effect.slice(0, 200))})
         ON CONFLICT DO NOTHING RETURNING "event_id"`,
    };
  }
}
