import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

/** Cooldown rows are keyed by what answered (a command or auto-response id) and a scope. */
export const GLOBAL_SCOPE = 'global';

export interface CooldownRow {
  scope: string;
  until: Date;
  now: Date;
}

/**
 * Cooldowns claimed in PostgreSQL, so replicas and bursts share one window. Times are the
 * database's, never a replica's clock.
 */
@Injectable()
export class BotCooldownsRepository {
  /**
   * Starts the cooldown `scope` of `subjectId` for `seconds` if it has ended (or was claimed by this
   * same event: a retried event claims again). False when it still runs. The row is locked until
   * the transaction ends, so a racing claim waits and then sees the new end.
   */
  async claim(
    tx: Tx,
    claim: { workspaceId: string; subjectId: string; scope: string; seconds: number; eventId: string },
  ): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO "bot_cooldowns" ("workspace_id", "subject_id", "scope", "until", "event_id")
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5)
       ON CONFLICT ("subject_id", "scope") DO UPDATE
         SET "until" = CASE WHEN "bot_cooldowns"."event_id" = EXCLUDED."event_id"
                            THEN "bot_cooldowns"."until" ELSE EXCLUDED."until" END,
             "event_id" = EXCLUDED."event_id"
         WHERE "bot_cooldowns"."until" <= now() OR "bot_cooldowns"."event_id" = EXCLUDED."event_id"
       RETURNING 1`,
      [claim.workspaceId, claim.subjectId, claim.scope, claim.seconds, claim.eventId],
    )) as unknown[];
    return rows.length === 1;
  }

  /** The current ends of these scopes (for the sandbox: read, never claimed), with the database's now. */
  async read(tx: Tx, subjectId: string, scopes: string[]): Promise<CooldownRow[]> {
    return (await tx.query(
      `SELECT "scope", "until", now() AS "now" FROM "bot_cooldowns"
       WHERE "subject_id" = $1 AND "scope" = ANY($2)`,
      [subjectId, scopes],
    )) as CooldownRow[];
  }
}

/** The per-user scope: Podium's viewer when known, else the platform identity. */
export function userScope(viewer: { viewerId?: string; platform: string; platformUserId: string }): string {
  return viewer.viewerId
    ? `user:${viewer.viewerId}`
    : `user:${viewer.platform}:${viewer.platformUserId}`.slice(0, 200);
}
