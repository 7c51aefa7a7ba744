import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

/** Who a cycle counts as present: chatters since `since` on these connections, plus listed viewers. */
export interface CyclePresence {
  since: Date;
  /** Connections whose chat counts (null: every connection of the workspace). */
  connectionIds: readonly string[] | null;
  /** Viewers a platform lists as watching (usually few; empty unless the presence mode is `listed`). */
  listedViewerIds: readonly string[];
}

export interface CyclePayout {
  count: number;
  /** Who was paid with their new balance, up to the detail limit (null above it). */
  payees: { viewerId: string; balance: number }[] | null;
  /** Paid listed viewers (merge targets) who did not chat in the window: their streaks attend here. */
  listedOnly: string[];
}

/**
 * Viewers (merge targets) who sent a chat message since $2 on connections $3 (null: all of workspace
 * $1), bots flagged by the platform left out. Only merged viewers are joined (merges are rare), and
 * `ix_chat_events_workspace_messages` finds the window without reading the workspace's history.
 */
const CHATTERS = `
  SELECT COALESCE(m."merged_into_id", e."viewer_id") AS "viewer_id"
  FROM "chat_events" e
  LEFT JOIN "viewers" m ON m."id" = e."viewer_id" AND m."merged_into_id" IS NOT NULL
  WHERE e."workspace_id" = $1 AND e."kind" = 'message' AND e."received_at" > $2
    AND e."viewer_id" IS NOT NULL
    AND ($3::uuid[] IS NULL OR e."connection_id" = ANY($3::uuid[]))
    AND coalesce(e."payload"->'detail'->>'isBot', 'false') <> 'true'`;

/**
 * Memory for the payout's sorts and hashes (100,000 payees sort in about 10 MB); PostgreSQL's
 * default of 4 MB spilled them to disk. For the payout's transaction only.
 */
const PAYOUT_WORK_MEM = '64MB';

/**
 * The cycle's key and its payout. A cycle is one `points_cycles` row (claimed first, in the payout's
 * transaction) and one narrow `points_cycle_payouts` row per payee; it writes no ledger rows. Its
 * `seq` comes from the ledger's sequence, so a viewer's history orders cycles among ledger entries.
 */
@Injectable()
export class PointsCyclesRepository {
  /** Whether the cycle was paid already (a cheap look before gathering presence; the claim decides). */
  async cyclePaid(tx: Tx, workspaceId: string, cycleStart: Date): Promise<boolean> {
    const rows = (await tx.query(
      `SELECT 1 FROM "points_cycles" WHERE "workspace_id" = $1 AND "cycle_start" = $2`,
      [workspaceId, cycleStart],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Whether anyone chatted in the window: a cheap look that spares a quiet workspace the payout. */
  async anyoneChatted(tx: Tx, workspaceId: string, presence: CyclePresence): Promise<boolean> {
    const rows = (await tx.query(`SELECT 1 FROM (${CHATTERS}) "chatters" LIMIT 1`, [
      workspaceId,
      presence.since,
      presence.connectionIds,
    ])) as unknown[];
    return rows.length > 0;
  }

  /**
   * Claims the cycle (workspace, start) and returns its history position, or null when another
   * process (or an earlier tick) already did. In the payout's transaction, so a rolled-back payout
   * leaves the cycle unclaimed.
   */
  async claimCycle(tx: Tx, workspaceId: string, cycleStart: Date): Promise<string | null> {
    const [row] = (await tx.query(
      `INSERT INTO "points_cycles" ("workspace_id", "cycle_start", "seq")
       VALUES ($1, $2, nextval(pg_get_serial_sequence('"points_ledger"', 'seq')))
       ON CONFLICT ON CONSTRAINT "pk_points_cycles" DO NOTHING RETURNING "seq"::text AS "seq"`,
      [workspaceId, cycleStart],
    )) as { seq: string }[];
    return row?.seq ?? null;
  }

  /**
   * Pays `points` to everyone present in one set-based statement that finds them itself (no id list
   * travels through the api): chatters and listed viewers resolved to merge targets, de-duplicated
   * and sorted, so balances (an update stays on its page: no index on the balance) and the payouts'
   * index are written in key order; one payout row each. Must run in the claim's transaction.
   */
  async payCycle(
    tx: Tx,
    cycle: { workspaceId: string; seq: string; points: number },
    presence: CyclePresence,
    detailMax: number,
  ): Promise<CyclePayout> {
    await tx.query(`SET LOCAL work_mem = '${PAYOUT_WORK_MEM}'`);
    const [row] = (await tx.query(
      // The label finds the statement in pg_stat_activity (its text is cut at 1 kB there).
      `/* points cycle payout */ WITH "chatted" AS (
         SELECT DISTINCT "viewer_id" FROM (${CHATTERS}) "chatters" ORDER BY "viewer_id"
       ), "listed_only" AS (
         SELECT DISTINCT COALESCE(v."merged_into_id", v."id") AS "viewer_id"
         FROM unnest($4::uuid[]) AS l("id") JOIN "viewers" v ON v."id" = l."id" AND v."workspace_id" = $1
         WHERE NOT EXISTS (SELECT 1 FROM "chatted" c WHERE c."viewer_id" = COALESCE(v."merged_into_id", v."id"))
       ), "moved" AS (
         INSERT INTO "points_balances" ("workspace_id", "viewer_id", "balance")
         SELECT $1, "viewer_id", $6 FROM (
           SELECT "viewer_id" FROM "chatted" UNION ALL SELECT "viewer_id" FROM "listed_only"
         ) "present" ORDER BY "viewer_id"
         ON CONFLICT ("workspace_id", "viewer_id")
           DO UPDATE SET "balance" = "points_balances"."balance" + EXCLUDED."balance", "updated_at" = now()
         RETURNING "viewer_id", "balance"
       ), "paid" AS (
         INSERT INTO "points_cycle_payouts" ("workspace_id", "viewer_id", "cycle_seq", "balance_after")
         SELECT $1, "viewer_id", $5::bigint, "balance" FROM "moved"
       ), "counted" AS (
         UPDATE "points_cycles" SET "paid_viewers" = (SELECT count(*) FROM "moved"), "points" = $6
         WHERE "workspace_id" = $1 AND "seq" = $5::bigint
         RETURNING "paid_viewers"
       )
       SELECT (SELECT "paid_viewers" FROM "counted") AS "count",
              CASE WHEN (SELECT "paid_viewers" FROM "counted") <= $7
                THEN (SELECT json_agg(json_build_array("viewer_id", "balance"::text)) FROM "moved") END AS "payees",
              (SELECT array_agg("viewer_id") FROM "listed_only") AS "listedOnly"`,
      [
        cycle.workspaceId,
        presence.since,
        presence.connectionIds,
        presence.listedViewerIds,
        cycle.seq,
        cycle.points,
        detailMax,
      ],
    )) as { count: number | null; payees: [string, string][] | null; listedOnly: string[] | null }[];
    const count = row?.count ?? 0;
    return {
      count,
      payees:
        count > detailMax
          ? null
          : (row?.payees ?? []).map(([viewerId, balance]) => ({ viewerId, balance: Number(balance) })),
      listedOnly: row?.listedOnly ?? [],
    };
  }
}
