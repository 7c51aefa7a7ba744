import { Injectable } from '@nestjs/common';
import type { Platform } from '@podium/contracts';
import type { Tx } from '../../database/transaction';
import { REWARD_CORE_COLUMNS, type RewardCore } from './rewards.repository';

/** Everything a redeem reads before its transaction, in one round trip. */
export interface RedeemContext {
  /** The viewer the redemption belongs to (the one this identity was merged into, if any). */
  viewer: { id: string; platform: Platform; displayName: string; balance: number } | null;
  /** This request id was already used in the workspace (a double click, a retry). */
  requestSeen: boolean;
  reward: RewardCore | null;
  /** The workspace's stored points settings (null: none saved), for the passive check. */
  settings: Record<string, unknown> | null;
}

interface ContextRow extends Partial<RewardCore> {
  viewer_id: string | null;
  viewer_platform: Platform | null;
  viewer_display_name: string | null;
  viewer_balance: string | null;
  request_seen: boolean;
  points_settings: Record<string, unknown> | null;
}

/** Which redeem a context is read for. */
export interface RedeemContextCall {
  viewerId: string;
  requestId: string;
  rewardId: string;
}

/**
 * The reads that precede a redeem (viewer and balance, request id, reward with its categories, the
 * points settings for passive mode) as ONE statement, for any number of redeems of one workspace: at
 * thousands of redeems a second, round trips to PostgreSQL are what costs (CPU on both sides). The
 * balance is only a first look (a spent balance is refused without a transaction); the ledger's
 * conditional debit decides.
 */
@Injectable()
export class RedeemContextRepository {
  /** One context per call, in call order. */
  async readMany(tx: Tx, workspaceId: string, calls: readonly RedeemContextCall[]): Promise<RedeemContext[]> {
    const rows = (await tx.query(
      `SELECT t."id" AS "viewer_id", t."platform" AS "viewer_platform", t."display_name" AS "viewer_display_name",
         (SELECT b."balance" FROM "points_balances" b WHERE b."workspace_id" = $1 AND b."viewer_id" = t."id")
           AS "viewer_balance",
         EXISTS (SELECT 1 FROM "redemptions" d WHERE d."workspace_id" = $1 AND d."request_id" = i."request_id")
           AS "request_seen",
         s."settings" AS "points_settings",
         ${REWARD_CORE_COLUMNS}
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS i("viewer_id", "request_id", "reward_id", "ord")
       LEFT JOIN "points_settings" s ON s."workspace_id" = $1
       LEFT JOIN "viewers" v ON v."id" = i."viewer_id" AND v."workspace_id" = $1
       LEFT JOIN "viewers" t ON t."id" = COALESCE(v."merged_into_id", v."id")
       LEFT JOIN "rewards" r ON r."workspace_id" = $1 AND r."id" = i."reward_id"
       ORDER BY i."ord"`,
      [
        workspaceId,
        calls.map((c) => c.viewerId),
        calls.map((c) => c.requestId),
        calls.map((c) => c.rewardId),
      ],
    )) as ContextRow[];
    if (rows.length !== calls.length) throw new Error('the redeem context read lost a row');
    return rows.map(toContext);
  }
}

function toContext(row: ContextRow): RedeemContext {
  const {
    viewer_id,
    viewer_platform,
    viewer_display_name,
    viewer_balance,
    request_seen,
    points_settings,
    ...reward
  } = row;
  return {
    viewer:
      viewer_id && viewer_platform && viewer_display_name !== null
        ? {
            id: viewer_id,
            platform: viewer_platform,
            displayName: viewer_display_name,
            balance: Number(viewer_balance ?? 0),
          }
        : null,
    requestSeen: request_seen,
    reward: reward.id ? (reward as RewardCore) : null,
    settings: points_settings,
  };
}
