import { Injectable } from '@nestjs/common';
import type { LedgerReason } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { debitManyStatement, type ManyDebitInput, type ManyDebitResult } from './points-ledger-debits';
import { PointsErrorCode, PointsException } from './points.exception';

export interface LedgerEntryInput {
  workspaceId: string;
  /** Any identity of the viewer: the entry lands on the viewer it was merged into, if any. */
  viewerId: string;
  /** Positive integer; the direction is the method. */
  amount: number;
  reason: LedgerReason;
  /**
   * Idempotency, unique per workspace ("event:<chat event id>:follow", "cycle:<cycle key>",
   * "redeem:<id>", "refund:<id>", "kofi:<txid>"): a second entry with the same key changes nothing.
   */
  sourceKey?: string | null;
  actorUserId?: string | null;
  note?: string | null;
}

export type DebitResult =
  { applied: true; balance: number } | { applied: false; reason: 'insufficient' | 'duplicate' };

/** A balance that moved, to publish as `points.changed` once its transaction committed. */
export interface PointsChange {
  workspaceId: string;
  viewerId: string;
  balance: number;
}

const NOTE_MAX = 500;

/**
 * The only code that moves balances. Every change is an append-only ledger row written in the
 * caller's transaction together with the balance; a debit is one conditional update, so no race
 * takes a balance below zero (the table's CHECK constraint is the last word).
 *
 * `points.changed` is published after commit: use `run(work)` (a transaction that publishes what the
 * ledger changed in it once it committed), or publish `changesIn(tx)` yourself after your commit.
 */
@Injectable()
export class PointsLedger {
  private readonly pending = new WeakMap<Tx, Map<string, PointsChange>>();

  constructor(
    private readonly runner: TransactionRunner,
    private readonly events: DomainEvents,
  ) {}

  /** In the caller's transaction. applied=false when sourceKey was already recorded. */
  async credit(tx: Tx, entry: LedgerEntryInput): Promise<{ applied: boolean; balance: number }> {
    assertAmount(entry.amount);
    const viewerId = await this.holder(tx, entry.workspaceId, entry.viewerId);
    const values = this.values(entry, viewerId);
    if (entry.sourceKey) {
      const id = await this.claimKey(tx, values, entry.amount);
      if (!id) return { applied: false, balance: await this.balance(tx, entry.workspaceId, viewerId) };
      // An UPDATE's result is [rows, count] in TypeORM.
      const [[row]] = (await tx.query(
        `WITH "moved" AS (
           INSERT INTO "points_balances" ("workspace_id", "viewer_id", "balance") VALUES ($1, $2, $3)
           ON CONFLICT ("workspace_id", "viewer_id")
             DO UPDATE SET "balance" = "points_balances"."balance" + EXCLUDED."balance", "updated_at" = now()
           RETURNING "balance")
         UPDATE "points_ledger" SET "balance_after" = "moved"."balance" FROM "moved"
         WHERE "points_ledger"."id" = $4 RETURNING "points_ledger"."balance_after"`,
        [entry.workspaceId, viewerId, entry.amount, id],
      )) as [{ balance_after: string }[], number];
      return { applied: true, balance: this.note(tx, entry.workspaceId, viewerId, row?.balance_after) };
    }
    const [row] = (await tx.query(
      `WITH "moved" AS (
         INSERT INTO "points_balances" ("workspace_id", "viewer_id", "balance") VALUES ($1, $2, $3)
         ON CONFLICT ("workspace_id", "viewer_id")
           DO UPDATE SET "balance" = "points_balances"."balance" + EXCLUDED."balance", "updated_at" = now()
         RETURNING "balance")
       INSERT INTO "points_ledger"
         ("workspace_id", "viewer_id", "amount", "reason", "source_key", "actor_user_id", "note", "balance_after")
       SELECT $1, $2, $3, $4, NULL, $5, $6, "moved"."balance" FROM "moved"
       RETURNING "balance_after"`,
      [entry.workspaceId, viewerId, entry.amount, values.reason, values.actorUserId, values.note],
    )) as { balance_after: string }[];
    return { applied: true, balance: this.note(tx, entry.workspaceId, viewerId, row?.balance_after) };
  }

  /**
   * One statement: the merge target, the conditional balance update (balance >= amount; never below
   * zero, a CHECK constraint too) and the ledger row written from its RETURNING, keyed by sourceKey.
   */
  async debit(tx: Tx, entry: LedgerEntryInput): Promise<DebitResult> {
    assertAmount(entry.amount);
    const values = this.values(entry, entry.viewerId);
    const [row] = (await tx.query(
      `WITH "holder" AS (
         SELECT COALESCE("merged_into_id", "id") AS "id" FROM "viewers" WHERE "id" = $2 AND "workspace_id" = $1),
       "seen" AS (
         SELECT 1 FROM "points_ledger" WHERE "workspace_id" = $1 AND "source_key" = $5::varchar),
       "moved" AS (
         UPDATE "points_balances" b SET "balance" = b."balance" - $3, "updated_at" = now()
         FROM "holder" h
         WHERE b."workspace_id" = $1 AND b."viewer_id" = h."id" AND b."balance" >= $3
           AND NOT EXISTS (SELECT 1 FROM "seen")
         RETURNING b."viewer_id", b."balance"),
       "entry" AS (
         INSERT INTO "points_ledger"
           ("workspace_id", "viewer_id", "amount", "reason", "source_key", "actor_user_id", "note", "balance_after")
         SELECT $1, m."viewer_id", -$3::bigint, $4, $5::varchar, $6::uuid, $7, m."balance" FROM "moved" m
         ON CONFLICT ON CONSTRAINT "uq_points_ledger_source" DO NOTHING
         RETURNING "balance_after")
       SELECT (SELECT "id" FROM "holder") AS "holder", EXISTS (SELECT 1 FROM "seen") AS "seen",
         (SELECT "balance" FROM "moved") AS "moved", (SELECT "balance_after" FROM "entry") AS "recorded"`,
      [
        entry.workspaceId,
        entry.viewerId,
        entry.amount,
        values.reason,
        values.sourceKey,
        values.actorUserId,
        values.note,
      ],
    )) as { holder: string | null; seen: boolean; moved: string | null; recorded: string | null }[];
    if (!row?.holder)
      throw new PointsException(PointsErrorCode.ViewerNotFound, 'No such viewer in this workspace');
    if (row.seen) return { applied: false, reason: 'duplicate' };
    if (row.moved === null) return { applied: false, reason: 'insufficient' };
    if (row.recorded === null) {
      // A concurrent twin committed the same key after this statement's snapshot: its debit stands,
      // this one is given back (rare: only two writers racing on one key get here).
      await tx.query(
        `UPDATE "points_balances" SET "balance" = "balance" + $3, "updated_at" = now()
         WHERE "workspace_id" = $1 AND "viewer_id" = $2`,
        [entry.workspaceId, row.holder, entry.amount],
      );
      return { applied: false, reason: 'duplicate' };
    }
    return { applied: true, balance: this.note(tx, entry.workspaceId, row.holder, row.recorded) };
  }

  /**
   * Many debits of one workspace in ONE statement (a batch of redeems): per viewer, the longest
   * prefix (input order) the balance covers is applied; see `debitManyStatement`.
   */
  async debitMany(
    tx: Tx,
    workspaceId: string,
    debits: readonly ManyDebitInput[],
  ): Promise<ManyDebitResult[]> {
    if (debits.length === 0) return [];
    for (const debit of debits) assertAmount(debit.amount);
    const results = await debitManyStatement(
      tx,
      workspaceId,
      debits.map((debit) => ({ ...debit, note: debit.note ? debit.note.slice(0, NOTE_MAX) : null })),
    );
    for (const result of results) {
      if (result.applied) this.note(tx, workspaceId, result.viewerId, String(result.balance));
    }
    return results;
  }

  async balance(tx: Tx, workspaceId: string, viewerId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT b."balance" FROM "points_balances" b
       WHERE b."workspace_id" = $1 AND b."viewer_id" = COALESCE(
         (SELECT v."merged_into_id" FROM "viewers" v WHERE v."id" = $2 AND v."workspace_id" = $1), $2)`,
      [workspaceId, viewerId],
    )) as { balance: string }[];
    return row ? Number(row.balance) : 0;
  }

  /**
   * Moves a merged identity's whole balance to the viewer it was merged into (two ledger entries,
   * reason `adjust`), so nothing stays stranded on an identity that no longer holds a balance.
   * Keyed by the pair: repeating it moves nothing twice.
   */
  async absorbMerged(tx: Tx, workspaceId: string, sourceViewerId: string): Promise<number> {
    const target = await this.holder(tx, workspaceId, sourceViewerId);
    if (target === sourceViewerId) return 0;
    const [held] = (await tx.query(
      `SELECT "balance"::text AS "balance" FROM "points_balances"
       WHERE "workspace_id" = $1 AND "viewer_id" = $2 FOR UPDATE`,
      [workspaceId, sourceViewerId],
    )) as { balance: string }[];
    const amount = Number(held?.balance ?? 0);
    if (amount === 0) return 0;
    await tx.query(
      `UPDATE "points_balances" SET "balance" = 0, "updated_at" = now() WHERE "workspace_id" = $1 AND "viewer_id" = $2`,
      [workspaceId, sourceViewerId],
    );
    const key = `merge:${sourceViewerId}:${target}`;
    await tx.query(
      `INSERT INTO "points_ledger" ("workspace_id", "viewer_id", "amount", "reason", "source_key", "note", "balance_after")
       VALUES ($1, $2, $3, 'adjust', $4, 'merged into another identity', 0)`,
      [workspaceId, sourceViewerId, -amount, `${key}:out`],
    );
    await this.credit(tx, {
      workspaceId,
      viewerId: target,
      amount,
      reason: 'adjust',
      sourceKey: `${key}:in`,
      note: 'merged from another identity',
    });
    return amount;
  }

  /** A transaction that publishes `points.changed` for every balance the ledger moved in it, after commit. */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let changes: PointsChange[] = [];
    const result = await this.runner.run(async (tx) => {
      const value = await work(tx);
      changes = this.changesIn(tx);
      return value;
    });
    this.publish(changes);
    return result;
  }

  /** The latest balance of each viewer the ledger moved in this transaction (publish them after commit). */
  changesIn(tx: Tx): PointsChange[] {
    return [...(this.pending.get(tx)?.values() ?? [])];
  }

  publish(changes: readonly PointsChange[]): void {
    for (const change of changes) this.events.publish('points.changed', { ...change });
  }

  /** The viewer that holds the balance: the merge target, if this identity was merged. */
  private async holder(tx: Tx, workspaceId: string, viewerId: string): Promise<string> {
    const [row] = (await tx.query(
      `SELECT COALESCE("merged_into_id", "id") AS "id" FROM "viewers" WHERE "id" = $1 AND "workspace_id" = $2`,
      [viewerId, workspaceId],
    )) as { id: string }[];
    if (!row) throw new PointsException(PointsErrorCode.ViewerNotFound, 'No such viewer in this workspace');
    return row.id;
  }

  /** Inserts the keyed ledger row (its balance set afterwards); null when the key was already used. */
  private async claimKey(
    tx: Tx,
    values: ReturnType<PointsLedger['values']>,
    signedAmount: number,
  ): Promise<string | null> {
    const [row] = (await tx.query(
      `INSERT INTO "points_ledger"
         ("workspace_id", "viewer_id", "amount", "reason", "source_key", "actor_user_id", "note", "balance_after")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0)
       ON CONFLICT ON CONSTRAINT "uq_points_ledger_source" DO NOTHING
       RETURNING "id"`,
      [
        values.workspaceId,
        values.viewerId,
        signedAmount,
        values.reason,
        values.sourceKey,
        values.actorUserId,
        values.note,
      ],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  private values(entry: LedgerEntryInput, viewerId: string) {
    return {
      workspaceId: entry.workspaceId,
      viewerId,
      reason: entry.reason,
      sourceKey: entry.sourceKey ?? null,
      actorUserId: entry.actorUserId ?? null,
      note: entry.note ? entry.note.slice(0, NOTE_MAX) : null,
    };
  }

  private note(tx: Tx, workspaceId: string, viewerId: string, balance: string | undefined): number {
    if (balance === undefined) throw new Error('ledger write returned no balance');
    const value = Number(balance);
    let changes = this.pending.get(tx);
    if (!changes) {
      changes = new Map();
      this.pending.set(tx, changes);
    }
    changes.set(viewerId, { workspaceId, viewerId, balance: value });
    return value;
  }
}

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new PointsException(PointsErrorCode.InvalidAmount, 'A ledger amount is a positive whole number', {
      field: 'amount',
    });
  }
}
