import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

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
   * Pays `points` to every viewer in `viewerIds` (resolved to merge targets, de-duplicated) in one
   * set-based statement: balances upserted (an update stays on its page: no index on the balance),
   * one payout row each, sorted so the payouts' index is written in order. Returns the payee count
   * and, up to `detailMax` payees, who they are with their new balance (for per-viewer pushes).
   */
  async payCycle(
    tx: Tx,
    workspaceId: string,
    cycleSeq: string,
    points: number,
    viewerIds: readonly string[],
    detailMax: number,
  ): Promise<{ count: number; payees: { viewerId: string; balance: number }[] | null }> {
    const [row] = (await tx.query(
      `WITH "present" AS (
         SELECT DISTINCT COALESCE(v."merged_into_id", v."id") AS "viewer_id"
         FROM unnest($4::uuid[]) AS p("id") JOIN "viewers" v ON v."id" = p."id" AND v."workspace_id" = $1
       ), "moved" AS (
         INSERT INTO "points_balances" ("workspace_id", "viewer_id", "balance")
         SELECT $1, "viewer_id", $3 FROM "present"
         ON CONFLICT ("workspace_id", "viewer_id")
           DO UPDATE SET "balance" = "points_balances"."balance" + EXCLUDED."balance", "updated_at" = now()
         RETURNING "viewer_id", "balance"
       ), "paid" AS (
         INSERT INTO "points_cycle_payouts" ("workspace_id", "viewer_id", "cycle_seq", "balance_after")
         SELECT $1, "viewer_id", $2::bigint, "balance" FROM "moved" ORDER BY "viewer_id"
         RETURNING "viewer_id", "balance_after"
       ), "counted" AS (
         UPDATE "points_cycles" SET "paid_viewers" = (SELECT count(*) FROM "paid"), "points" = $3
         WHERE "workspace_id" = $1 AND "seq" = $2::bigint
         RETURNING "paid_viewers"
       )
       SELECT (SELECT "paid_viewers" FROM "counted") AS "count",
              CASE WHEN (SELECT "paid_viewers" FROM "counted") <= $5
                THEN (SELECT json_agg(json_build_array("viewer_id", "balance_after"::text)) FROM "paid") END AS "payees"`,
      [workspaceId, cycleSeq, points, viewerIds, detailMax],
    )) as { count: number | null; payees: [string, string][] | null }[];
    return {
      count: row?.count ?? 0,
      payees:
        row?.payees === undefined || (row.count ?? 0) > detailMax
          ? null
          : (row.payees ?? []).map(([viewerId, balance]) => ({ viewerId, balance: Number(balance) })),
    };
  }
}
