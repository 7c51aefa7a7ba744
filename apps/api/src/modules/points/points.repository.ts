import { Injectable } from '@nestjs/common';
import type { LedgerEntryDto, LedgerReason, Platform, PointsViewerDto } from '@podium/contracts';
import type { Tx } from '../../database/transaction';

export interface LedgerRow {
  id: string;
  seq: string;
  viewer_id: string;
  amount: string;
  reason: LedgerReason;
  source_key: string | null;
  actor_user_id: string | null;
  note: string | null;
  balance_after: string;
  created_at: Date;
}

export interface BalanceRow {
  viewer_id: string;
  platform: Platform;
  login: string | null;
  display_name: string;
  balance: string;
  rank: string | null;
}

/** Reads of the points tables and the settings document; balances move only in PointsLedger. */
@Injectable()
export class PointsRepository {
  async settings(tx: Tx, workspaceId: string): Promise<Record<string, unknown> | null> {
    const [row] = (await tx.query(`SELECT "settings" FROM "points_settings" WHERE "workspace_id" = $1`, [
      workspaceId,
    ])) as { settings: Record<string, unknown> }[];
    return row?.settings ?? null;
  }

  /** The stored document, its row created if missing and locked until the transaction ends. */
  async lockSettings(tx: Tx, workspaceId: string): Promise<Record<string, unknown>> {
    await tx.query(
      `INSERT INTO "points_settings" ("workspace_id") VALUES ($1) ON CONFLICT ("workspace_id") DO NOTHING`,
      [workspaceId],
    );
    const [row] = (await tx.query(
      `SELECT "settings" FROM "points_settings" WHERE "workspace_id" = $1 FOR UPDATE`,
      [workspaceId],
    )) as { settings: Record<string, unknown> }[];
    return row?.settings ?? {};
  }

  async saveSettings(tx: Tx, workspaceId: string, settings: object): Promise<void> {
    await tx.query(
      `INSERT INTO "points_settings" ("workspace_id", "settings") VALUES ($1, $2::jsonb)
       ON CONFLICT ("workspace_id") DO UPDATE SET "settings" = EXCLUDED."settings", "updated_at" = now()`,
      [workspaceId, JSON.stringify(settings)],
    );
  }

  /** Every workspace with its stored settings document (null: defaults), for the cycle job. */
  async workspacesWithSettings(
    tx: Tx,
  ): Promise<{ workspaceId: string; settings: Record<string, unknown> | null }[]> {
    const rows = (await tx.query(
      `SELECT w."id", s."settings" FROM "workspaces" w
       LEFT JOIN "points_settings" s ON s."workspace_id" = w."id" ORDER BY w."id"`,
    )) as { id: string; settings: Record<string, unknown> | null }[];
    return rows.map((row) => ({ workspaceId: row.id, settings: row.settings }));
  }

  /** The viewer holding the identity's balance (its merge target), or null if not in the workspace. */
  async resolveViewer(tx: Tx, workspaceId: string, viewerId: string): Promise<PointsViewerDto | null> {
    const [row] = (await tx.query(
      `SELECT t."id", t."platform", t."login", t."display_name"
       FROM "viewers" v JOIN "viewers" t ON t."id" = COALESCE(v."merged_into_id", v."id")
       WHERE v."id" = $1 AND v."workspace_id" = $2`,
      [viewerId, workspaceId],
    )) as { id: string; platform: Platform; login: string | null; display_name: string }[];
    return row
      ? { id: row.id, platform: row.platform, login: row.login, displayName: row.display_name }
      : null;
  }

  /** One viewer's entries, newest first, older than `beforeSeq` when given. */
  async history(
    tx: Tx,
    workspaceId: string,
    viewerId: string,
    beforeSeq: string | null,
    limit: number,
  ): Promise<LedgerRow[]> {
    return (await tx.query(
      `SELECT "id", "seq"::text AS "seq", "viewer_id", "amount"::text AS "amount", "reason", "source_key",
              "actor_user_id", "note", "balance_after"::text AS "balance_after", "created_at"
       FROM "points_ledger"
       WHERE "workspace_id" = $1 AND "viewer_id" = $2 AND ($3::bigint IS NULL OR "seq" < $3::bigint)
       ORDER BY "seq" DESC LIMIT $4`,
      [workspaceId, viewerId, beforeSeq, limit],
    )) as LedgerRow[];
  }

  async leaderboard(tx: Tx, workspaceId: string, limit: number): Promise<BalanceRow[]> {
    return (await tx.query(
      `SELECT b."viewer_id", v."platform", v."login", v."display_name", b."balance"::text AS "balance",
              (rank() OVER (ORDER BY b."balance" DESC))::text AS "rank"
       FROM "points_balances" b JOIN "viewers" v ON v."id" = b."viewer_id"
       WHERE b."workspace_id" = $1 AND b."balance" > 0
       ORDER BY b."balance" DESC, v."display_name" LIMIT $2`,
      [workspaceId, limit],
    )) as BalanceRow[];
  }

  /** Viewers (merge targets only) whose name or login contains `query`, with balance and rank. */
  async search(tx: Tx, workspaceId: string, query: string, limit: number): Promise<BalanceRow[]> {
    const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (await tx.query(
      `SELECT v."id" AS "viewer_id", v."platform", v."login", v."display_name",
              COALESCE(b."balance", 0)::text AS "balance",
              CASE WHEN COALESCE(b."balance", 0) > 0 THEN (
                SELECT count(*) + 1 FROM "points_balances" o
                WHERE o."workspace_id" = $1 AND o."balance" > b."balance") END::text AS "rank"
       FROM "viewers" v
       LEFT JOIN "points_balances" b ON b."workspace_id" = v."workspace_id" AND b."viewer_id" = v."id"
       WHERE v."workspace_id" = $1 AND v."merged_into_id" IS NULL
         AND ($2 = '%%' OR lower(v."display_name") LIKE $2 OR lower(COALESCE(v."login", '')) LIKE $2)
       ORDER BY COALESCE(b."balance", 0) DESC, v."display_name" LIMIT $3`,
      [workspaceId, pattern, limit],
    )) as BalanceRow[];
  }

  /** Rank of a balance (1 = most), null for zero. */
  async rankOf(tx: Tx, workspaceId: string, balance: number): Promise<number | null> {
    if (balance <= 0) return null;
    const [row] = (await tx.query(
      `SELECT count(*)::int + 1 AS "rank" FROM "points_balances" WHERE "workspace_id" = $1 AND "balance" > $2`,
      [workspaceId, balance],
    )) as { rank: number }[];
    return row?.rank ?? null;
  }

  /** Whether the cycle was paid already (a cheap look before gathering presence; the claim decides). */
  async cyclePaid(tx: Tx, workspaceId: string, cycleStart: Date): Promise<boolean> {
    const rows = (await tx.query(
      `SELECT 1 FROM "points_cycles" WHERE "workspace_id" = $1 AND "cycle_start" = $2`,
      [workspaceId, cycleStart],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Claims the cycle (workspace, start): false when another process (or an earlier tick) already
   * did. In the payout's transaction, so a rolled-back payout leaves the cycle unclaimed.
   */
  async claimCycle(tx: Tx, workspaceId: string, cycleStart: Date): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO "points_cycles" ("workspace_id", "cycle_start") VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT "pk_points_cycles" DO NOTHING RETURNING 1`,
      [workspaceId, cycleStart],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Pays `points` to every viewer in `viewerIds` (resolved to merge targets, de-duplicated) in one
   * set-based statement: balances upserted, one ledger row each keyed by the cycle and the viewer.
   */
  async payCycle(
    tx: Tx,
    workspaceId: string,
    cycleStart: Date,
    points: number,
    viewerIds: readonly string[],
  ): Promise<{ viewerId: string; balance: number }[]> {
    const rows = (await tx.query(
      `WITH "present" AS (
         SELECT DISTINCT COALESCE(v."merged_into_id", v."id") AS "viewer_id"
         FROM unnest($4::uuid[]) AS p("id") JOIN "viewers" v ON v."id" = p."id" AND v."workspace_id" = $1
       ), "moved" AS (
         INSERT INTO "points_balances" ("workspace_id", "viewer_id", "balance")
         SELECT $1, "viewer_id", $3 FROM "present"
         ON CONFLICT ("workspace_id", "viewer_id")
           DO UPDATE SET "balance" = "points_balances"."balance" + EXCLUDED."balance", "updated_at" = now()
         RETURNING "viewer_id", "balance"
       )
       INSERT INTO "points_ledger" ("workspace_id", "viewer_id", "amount", "reason", "source_key", "balance_after")
       SELECT $1, "viewer_id", $3, 'watch', 'cycle:' || $2 || ':' || "viewer_id", "balance" FROM "moved"
       RETURNING "viewer_id", "balance_after"::text AS "balance"`,
      [workspaceId, cycleStart.toISOString(), points, viewerIds],
    )) as { viewer_id: string; balance: string }[];
    await tx.query(
      `UPDATE "points_cycles" SET "paid_viewers" = $3, "points" = $4 WHERE "workspace_id" = $1 AND "cycle_start" = $2`,
      [workspaceId, cycleStart, rows.length, points],
    );
    return rows.map((row) => ({ viewerId: row.viewer_id, balance: Number(row.balance) }));
  }

  /** Credits and debits per reason recorded between two times (inclusive), for reports. */
  async ledgerSumsBetween(
    tx: Tx,
    workspaceId: string,
    from: Date,
    to: Date,
  ): Promise<{ reason: string; credited: number; debited: number }[]> {
    const rows = (await tx.query(
      `SELECT "reason",
         COALESCE(sum("amount") FILTER (WHERE "amount" > 0), 0)::text AS "credited",
         COALESCE(-sum("amount") FILTER (WHERE "amount" < 0), 0)::text AS "debited"
       FROM "points_ledger" WHERE "workspace_id" = $1 AND "created_at" >= $2 AND "created_at" <= $3
       GROUP BY "reason"`,
      [workspaceId, from, to],
    )) as { reason: string; credited: string; debited: string }[];
    return rows.map((row) => ({
      reason: row.reason,
      credited: Number(row.credited),
      debited: Number(row.debited),
    }));
  }

  async sumLedger(tx: Tx, workspaceId: string, viewerId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT COALESCE(sum("amount"), 0)::text AS "sum" FROM "points_ledger" WHERE "workspace_id" = $1 AND "viewer_id" = $2`,
      [workspaceId, viewerId],
    )) as { sum: string }[];
    return Number(row?.sum ?? 0);
  }
}

export function toLedgerEntryDto(row: LedgerRow): LedgerEntryDto {
  return {
    id: row.id,
    viewerId: row.viewer_id,
    amount: Number(row.amount),
    reason: row.reason,
    sourceKey: row.source_key,
    actorUserId: row.actor_user_id,
    note: row.note,
    balanceAfter: Number(row.balance_after),
    createdAt: row.created_at.toISOString(),
  };
}

export function toPointsViewerDto(row: BalanceRow): PointsViewerDto {
  return { id: row.viewer_id, platform: row.platform, login: row.login, displayName: row.display_name };
}
