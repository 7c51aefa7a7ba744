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

  /**
   * One viewer's entries, newest first, older than `beforeSeq` when given: ledger rows and the
   * cycles that paid the viewer (one compact payout row each, shown as its `watch` entry with the
   * cycle's key; its id is derived from that key). Both are ordered by the ledger's sequence.
   */
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
       FROM ((SELECT "id", "seq", "viewer_id", "amount", "reason", "source_key", "actor_user_id", "note",
                     "balance_after", "created_at"
              FROM "points_ledger"
              WHERE "workspace_id" = $1 AND "viewer_id" = $2 AND ($3::bigint IS NULL OR "seq" < $3::bigint)
              ORDER BY "seq" DESC LIMIT $4)
             UNION ALL
             (SELECT md5(k."key")::uuid, c."seq", p."viewer_id", c."points"::bigint, 'watch', k."key", NULL, NULL,
                     p."balance_after", c."created_at"
              FROM "points_cycle_payouts" p
              JOIN "points_cycles" c ON c."workspace_id" = p."workspace_id" AND c."seq" = p."cycle_seq"
              CROSS JOIN LATERAL (SELECT 'cycle:' || to_char(c."cycle_start" AT TIME ZONE 'UTC',
                'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ':' || p."viewer_id" AS "key") k
              WHERE p."workspace_id" = $1 AND p."viewer_id" = $2
                AND ($3::bigint IS NULL OR p."cycle_seq" < $3::bigint)
              ORDER BY p."cycle_seq" DESC LIMIT $4)) AS "entries"
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

  /**
   * Credits and debits per reason recorded between two times (inclusive), for reports. Cycles count
   * as `watch` credits from their own row (payees × points), without reading their payouts.
   */
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
       FROM (SELECT "reason", "amount" FROM "points_ledger"
             WHERE "workspace_id" = $1 AND "created_at" >= $2 AND "created_at" <= $3
             UNION ALL
             SELECT 'watch', "paid_viewers"::bigint * "points" FROM "points_cycles"
             WHERE "workspace_id" = $1 AND "created_at" >= $2 AND "created_at" <= $3 AND "seq" IS NOT NULL
               AND "paid_viewers" > 0) AS "moves"
       GROUP BY "reason"`,
      [workspaceId, from, to],
    )) as { reason: string; credited: string; debited: string }[];
    return rows.map((row) => ({
      reason: row.reason,
      credited: Number(row.credited),
      debited: Number(row.debited),
    }));
  }

  /** What a viewer's history adds up to (ledger rows and cycle payouts): always its balance. */
  async sumLedger(tx: Tx, workspaceId: string, viewerId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT ((SELECT COALESCE(sum("amount"), 0) FROM "points_ledger" WHERE "workspace_id" = $1 AND "viewer_id" = $2)
             + (SELECT COALESCE(sum(c."points"), 0) FROM "points_cycle_payouts" p
                JOIN "points_cycles" c ON c."workspace_id" = p."workspace_id" AND c."seq" = p."cycle_seq"
                WHERE p."workspace_id" = $1 AND p."viewer_id" = $2))::text AS "sum"`,
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
