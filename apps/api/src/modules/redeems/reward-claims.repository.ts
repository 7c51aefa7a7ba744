import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transaction';

/** The claims that make cooldowns and per-stream limits exact: conditional upserts, one row per claim. */
@Injectable()
export class RewardClaimsRepository {
  /**
   * Starts a cooldown of `seconds` on (reward, scope) if the previous one ended. Null when claimed;
   * otherwise the end of the running cooldown and the database's now. The row stays locked until the
   * transaction ends, so a racing claim waits and then sees the new end.
   */
  async claimCooldown(
    tx: Tx,
    claim: { workspaceId: string; rewardId: string; scope: string; seconds: number },
  ): Promise<{ until: Date; now: Date } | null> {
    const rows = (await tx.query(
      `INSERT INTO "reward_cooldowns" ("reward_id", "scope", "workspace_id", "until")
       VALUES ($1, $2, $3, clock_timestamp() + make_interval(secs => $4))
       ON CONFLICT ("reward_id", "scope") DO UPDATE SET "until" = EXCLUDED."until"
         WHERE "reward_cooldowns"."until" <= clock_timestamp()
       RETURNING 1`,
      [claim.rewardId, claim.scope, claim.workspaceId, claim.seconds],
    )) as unknown[];
    if (rows.length === 1) return null;
    const [row] = (await tx.query(
      `SELECT "until", clock_timestamp() AS "now" FROM "reward_cooldowns" WHERE "reward_id" = $1 AND "scope" = $2`,
      [claim.rewardId, claim.scope],
    )) as { until: Date; now: Date }[];
    return row ?? { until: new Date(), now: new Date() };
  }

  /** Counts one more redeem in (reward, scope, stream) if fewer than `max` were counted. False at the limit. */
  async claimLimit(
    tx: Tx,
    claim: { workspaceId: string; rewardId: string; scope: string; streamKey: string; max: number },
  ): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO "reward_limit_counts" ("reward_id", "scope", "stream_key", "workspace_id", "count")
       VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT ("reward_id", "scope", "stream_key") DO UPDATE
         SET "count" = "reward_limit_counts"."count" + 1
         WHERE "reward_limit_counts"."count" < $5
       RETURNING "count"`,
      [claim.rewardId, claim.scope, claim.streamKey, claim.workspaceId, claim.max],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Cooldowns running now for a viewer (theirs and the global ones), read without claiming. */
  async runningCooldowns(
    tx: Tx,
    workspaceId: string,
    viewerId: string,
  ): Promise<{ reward_id: string; until: Date; now: Date }[]> {
    return (await tx.query(
      `SELECT "reward_id", max("until") AS "until", clock_timestamp() AS "now" FROM "reward_cooldowns"
       WHERE "workspace_id" = $1 AND "scope" IN ('global', $2) AND "until" > clock_timestamp()
       GROUP BY "reward_id"`,
      [workspaceId, `viewer:${viewerId}`],
    )) as { reward_id: string; until: Date; now: Date }[];
  }
}
