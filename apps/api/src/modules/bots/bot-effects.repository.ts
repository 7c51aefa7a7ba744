import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transaction';
import type { OutboxClaim } from '../chat/outbox/outbox.repository';

/** Side effects already done for a chat event, so a retried or redelivered event does them once. */
@Injectable()
export class BotEffectsRepository {
  /** True when this call recorded the effect; false when it was already there. */
  async claim(tx: Tx, eventId: string, effect: string): Promise<boolean> {
    const rows = (await tx.query(claimEffects('$1::text[]'), [[effectKey(eventId, effect)]])) as unknown[];
    return rows.length === 1;
  }

  /** The same claim, made by the statement that queues a reply (see OutboxClaim). */
  claimFor(eventId: string, effect: string): OutboxClaim {
    return { key: effectKey(eventId, effect), claimAll: claimEffects };
  }
}

/** What names one effect of one event in claimEffects. */
export function effectKey(eventId: string, effect: string): string {
  return `${eventId} ${effect.slice(0, 200)}`;
}

/**
 * The statement (or CTE) that claims every effectKey of the text[] `keys` not claimed yet, and
 * returns those as "key" (a uuid is 36 characters: the effect starts at 38).
 */
export function claimEffects(keys: string): string {
  return `INSERT INTO "bot_event_effects" ("event_id", "effect")
    SELECT split_part(k, ' ', 1)::uuid, substr(k, 38) FROM unnest(${keys}) AS k
    ON CONFLICT DO NOTHING RETURNING "event_id" || ' ' || "effect" AS "key"`;
}
