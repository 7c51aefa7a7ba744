import type { LedgerReason } from '@podium/contracts';
import type { Tx } from '../../database/transaction';

/** One debit of a set written together (see `PointsLedger.debitMany`). */
export interface ManyDebitInput {
  /** Any identity of the viewer: the debit lands on the viewer it was merged into, if any. */
  viewerId: string;
  /** Positive integer. */
  amount: number;
  reason: LedgerReason;
  /** Fresh and unique (e.g. "redeem:<new redemption id>"): a key already recorded fails the statement. */
  sourceKey: string;
  note: string | null;
}

/** What the set-based debit did with each input, in input order. */
export type ManyDebitResult =
  | { applied: true; viewerId: string; balance: number }
  /** Refused by the running sum. `alone`: it would have fit on its own (an earlier, bigger one did not). */
  | { applied: false; reason: 'insufficient'; alone: boolean }
  /** The viewer is not in the workspace (any more): let the one-at-a-time path answer. */
  | { applied: false; reason: 'missing'; alone: true };

interface DebitRow {
  holder: string | null;
  before: string | null;
  total: string | null;
}

/**
 * Debits a set of viewers in ONE statement: each holder's balance row is locked (in key order, so
 * two such statements never deadlock each other) and read at its latest committed value; per
 * holder, a running sum in input order accepts the longest prefix the balance covers, so a balance
 * is never overspent (the CHECK constraint stays the last word); one UPDATE per holder and one keyed
 * ledger row per accepted debit, each with the balance after it.
 */
export async function debitManyStatement(
  tx: Tx,
  workspaceId: string,
  debits: readonly ManyDebitInput[],
): Promise<ManyDebitResult[]> {
  const rows = (await tx.query(
    `WITH "input" AS (
       SELECT * FROM unnest($2::uuid[], $3::bigint[], $4::varchar[], $5::varchar[], $6::varchar[])
         WITH ORDINALITY AS i("viewer_id", "amount", "reason", "source_key", "note", "ord")),
     "holders" AS (
       SELECT i.*, COALESCE(v."merged_into_id", v."id") AS "holder"
       FROM "input" i JOIN "viewers" v ON v."id" = i."viewer_id" AND v."workspace_id" = $1),
     "locked" AS MATERIALIZED (
       SELECT b."viewer_id", b."balance" FROM "points_balances" b
       WHERE b."workspace_id" = $1 AND b."viewer_id" IN (SELECT "holder" FROM "holders")
       ORDER BY b."viewer_id" FOR UPDATE),
     "running" AS (
       SELECT h.*, l."balance" AS "before",
         sum(h."amount") OVER (PARTITION BY h."holder" ORDER BY h."ord") AS "total"
       FROM "holders" h JOIN "locked" l ON l."viewer_id" = h."holder"),
     "accepted" AS (SELECT * FROM "running" WHERE "total" <= "before"),
     "moved" AS (
       UPDATE "points_balances" b SET "balance" = b."balance" - s."spent", "updated_at" = now()
       FROM (SELECT "holder", sum("amount") AS "spent" FROM "accepted" GROUP BY "holder") s
       WHERE b."workspace_id" = $1 AND b."viewer_id" = s."holder"
       RETURNING b."viewer_id"),
     "entry" AS (
       INSERT INTO "points_ledger"
         ("workspace_id", "viewer_id", "amount", "reason", "source_key", "note", "balance_after")
       SELECT $1, a."holder", -a."amount", a."reason", a."source_key", a."note", a."before" - a."total"
       FROM "accepted" a ORDER BY a."ord"
       RETURNING 1)
     SELECT h."holder", r."before"::text AS "before", r."total"::text AS "total"
     FROM "input" i
       LEFT JOIN "holders" h ON h."ord" = i."ord"
       LEFT JOIN "running" r ON r."ord" = i."ord"
     ORDER BY i."ord"`,
    [
      workspaceId,
      debits.map((d) => d.viewerId),
      debits.map((d) => d.amount),
      debits.map((d) => d.reason),
      debits.map((d) => d.sourceKey),
      debits.map((d) => d.note),
    ],
  )) as DebitRow[];
  if (rows.length !== debits.length) throw new Error('the set-based debit lost an input row');

  // What each holder has left once its accepted prefix is paid: a refused debit that still fits it
  // was only refused for an earlier, bigger one and deserves a try on its own.
  const left = new Map<string, number>();
  rows.forEach((row) => {
    if (!row.holder || row.before === null || row.total === null) return;
    const before = Number(row.before);
    const total = Number(row.total);
    if (total <= before) left.set(row.holder, before - total);
    else if (!left.has(row.holder)) left.set(row.holder, before);
  });
  return rows.map((row, i): ManyDebitResult => {
    const amount = debits[i]?.amount ?? 0;
    if (!row.holder) return { applied: false, reason: 'missing', alone: true };
    if (row.before === null || row.total === null)
      return { applied: false, reason: 'insufficient', alone: false };
    const before = Number(row.before);
    const total = Number(row.total);
    if (total <= before) return { applied: true, viewerId: row.holder, balance: before - total };
    return { applied: false, reason: 'insufficient', alone: amount <= (left.get(row.holder) ?? 0) };
  });
}
