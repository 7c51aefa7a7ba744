import { Injectable } from '@nestjs/common';
import type {
  RedeemSource,
  RedemptionQueueQuerySchema,
  RedemptionStatus,
  RewardType,
} from '@podium/contracts';
import type { z } from 'zod';
import type { Tx } from '../../database/transaction';

export interface RedemptionRow {
  id: string;
  workspace_id: string;
  reward_id: string | null;
  reward_name: string;
  reward_type: RewardType;
  viewer_id: string;
  request_id: string;
  spent: string;
  note: string | null;
  option_id: string | null;
  status: RedemptionStatus;
  source: RedeemSource;
  created_at: Date;
  decided_at: Date | null;
  decided_by_user_id: string | null;
  viewer_name: string;
  viewer_platform: string;
  decided_by_name: string | null;
}

export interface NewRedemption {
  workspaceId: string;
  rewardId: string;
  rewardName: string;
  rewardType: RewardType;
  viewerId: string;
  requestId: string;
  spent: number;
  note: string | null;
  optionId: string | null;
  source: RedeemSource;
}

const SELECT_REDEMPTION = `
  SELECT d.*, v."display_name" AS "viewer_name", v."platform" AS "viewer_platform",
    u."display_name" AS "decided_by_name"
  FROM "redemptions" d
  JOIN "viewers" v ON v."id" = d."viewer_id"
  LEFT JOIN "users" u ON u."id" = d."decided_by_user_id"`;

/** A redemption as its own table holds it (no names joined in). */
export type StoredRedemption = Omit<RedemptionRow, 'viewer_name' | 'viewer_platform' | 'decided_by_name'>;

/** Redemptions: the queue. The claims on cooldowns and limits are RewardClaimsRepository's. */
@Injectable()
export class RedemptionsRepository {
  /** Inserts it pending; null when this request id was already used (a double click). */
  async insert(tx: Tx, redemption: NewRedemption): Promise<StoredRedemption | null> {
    const rows = (await tx.query(
      `INSERT INTO "redemptions" ("workspace_id", "reward_id", "reward_name", "reward_type", "viewer_id",
         "request_id", "spent", "note", "option_id", "source")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT "uq_redemptions_request" DO NOTHING
       RETURNING *`,
      [
        redemption.workspaceId,
        redemption.rewardId,
        redemption.rewardName,
        redemption.rewardType,
        redemption.viewerId,
        redemption.requestId,
        redemption.spent,
        redemption.note,
        redemption.optionId,
        redemption.source,
      ],
    )) as StoredRedemption[];
    return rows[0] ?? null;
  }

  /**
   * Inserts many of one workspace in one statement, each with its initial status (created_at in
   * input order); returns the rows inserted. A request id already used is skipped (a double click).
   */
  async insertMany(
    tx: Tx,
    workspaceId: string,
    rows: readonly (NewRedemption & { status: 'pending' | 'fulfilled' })[],
  ): Promise<StoredRedemption[]> {
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
    return (await tx.query(
      `INSERT INTO "redemptions" ("workspace_id", "reward_id", "reward_name", "reward_type", "viewer_id",
         "request_id", "spent", "note", "option_id", "source", "status", "created_at", "decided_at")
       SELECT $1, i."reward_id", i."reward_name", i."reward_type", i."viewer_id", i."request_id", i."spent",
         i."note", i."option_id", i."source", i."status", clock_timestamp(),
         CASE WHEN i."status" = 'pending' THEN NULL ELSE now() END
       FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::uuid[], $6::uuid[], $7::bigint[],
         $8::varchar[], $9::varchar[], $10::varchar[], $11::varchar[])
         WITH ORDINALITY AS i("reward_id", "reward_name", "reward_type", "viewer_id", "request_id", "spent",
           "note", "option_id", "source", "status", "ord")
       ORDER BY i."ord"
       ON CONFLICT ON CONSTRAINT "uq_redemptions_request" DO NOTHING
       RETURNING *`,
      [
        workspaceId,
        column('rewardId'),
        column('rewardName'),
        column('rewardType'),
        column('viewerId'),
        column('requestId'),
        column('spent'),
        column('note'),
        column('optionId'),
        column('source'),
        column('status'),
      ],
    )) as StoredRedemption[];
  }

  /** Removes redemptions inserted in this transaction whose debit was then refused. */
  async discard(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(`DELETE FROM "redemptions" WHERE "workspace_id" = $1 AND "id" = ANY($2::uuid[])`, [
      workspaceId,
      ids,
    ]);
  }

  async find(tx: Tx, workspaceId: string, id: string): Promise<RedemptionRow | null> {
    const [row] = (await tx.query(`${SELECT_REDEMPTION} WHERE d."workspace_id" = $1 AND d."id" = $2`, [
      workspaceId,
      id,
    ])) as RedemptionRow[];
    return row ?? null;
  }

  async findByRequest(tx: Tx, workspaceId: string, requestId: string): Promise<RedemptionRow | null> {
    const [row] = (await tx.query(
      `${SELECT_REDEMPTION} WHERE d."workspace_id" = $1 AND d."request_id" = $2`,
      [workspaceId, requestId],
    )) as RedemptionRow[];
    return row ?? null;
  }

  async findMany(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<RedemptionRow[]> {
    if (ids.length === 0) return [];
    return (await tx.query(
      `${SELECT_REDEMPTION} WHERE d."workspace_id" = $1 AND d."id" = ANY($2::uuid[]) ORDER BY d."created_at", d."id"`,
      [workspaceId, ids],
    )) as RedemptionRow[];
  }

  /** Fulfilled at creation (counters, auto-fulfil): no one decided. Returns when it was decided. */
  async fulfilNow(tx: Tx, id: string): Promise<Date> {
    const [rows] = (await tx.query(
      `UPDATE "redemptions" SET "status" = 'fulfilled', "decided_at" = now() WHERE "id" = $1
       RETURNING "decided_at"`,
      [id],
    )) as [{ decided_at: Date }[], number];
    const decidedAt = rows[0]?.decided_at;
    if (!decidedAt) throw new Error(`redemption ${id} vanished inside its own transaction`);
    return decidedAt;
  }

  /**
   * pending → `to`, once: a conditional update, so of two racing decisions exactly one wins.
   * Returns the row as it was decided, or null when it was not pending (or not there).
   */
  async decide(
    tx: Tx,
    workspaceId: string,
    id: string,
    to: Exclude<RedemptionStatus, 'pending'>,
    userId: string | null,
  ): Promise<{ id: string; viewer_id: string; spent: string; reward_name: string } | null> {
    const [rows] = (await tx.query(
      `UPDATE "redemptions" SET "status" = $3, "decided_at" = now(), "decided_by_user_id" = $4
       WHERE "workspace_id" = $1 AND "id" = $2 AND "status" = 'pending'
       RETURNING "id", "viewer_id", "spent", "reward_name"`,
      [workspaceId, id, to, userId],
    )) as [{ id: string; viewer_id: string; spent: string; reward_name: string }[], number];
    return rows[0] ?? null;
  }

  /** Every pending redemption (of one reward, or all) → `to`, in one statement. */
  async decideAllPending(
    tx: Tx,
    workspaceId: string,
    rewardId: string | null,
    to: 'refunded' | 'rejected',
    userId: string | null,
  ): Promise<{ id: string; viewer_id: string; spent: string; reward_name: string }[]> {
    const [rows] = (await tx.query(
      `UPDATE "redemptions" SET "status" = $3, "decided_at" = now(), "decided_by_user_id" = $4
       WHERE "workspace_id" = $1 AND "status" = 'pending' AND ($2::uuid IS NULL OR "reward_id" = $2)
       RETURNING "id", "viewer_id", "spent", "reward_name"`,
      [workspaceId, rewardId, to, userId],
    )) as [{ id: string; viewer_id: string; spent: string; reward_name: string }[], number];
    return rows;
  }

  /** Pending: oldest first; other filters: newest first. One extra row tells whether a next page exists. */
  async page(
    tx: Tx,
    workspaceId: string,
    query: z.output<typeof RedemptionQueueQuerySchema>,
  ): Promise<RedemptionRow[]> {
    const ascending = query.status === 'pending';
    const cmp = ascending ? '>' : '<';
    const order = ascending ? 'ASC' : 'DESC';
    return (await tx.query(
      `${SELECT_REDEMPTION}
       WHERE d."workspace_id" = $1
         AND ($2::text = 'all' OR d."status" = $2)
         AND ($3::uuid IS NULL OR d."reward_id" = $3)
         AND ($4::uuid IS NULL OR d."viewer_id" = $4)
         AND ($5::uuid IS NULL OR (d."created_at", d."id") ${cmp}
              (SELECT c."created_at", c."id" FROM "redemptions" c WHERE c."id" = $5))
       ORDER BY d."created_at" ${order}, d."id" ${order}
       LIMIT $6`,
      [
        workspaceId,
        query.status,
        query.rewardId ?? null,
        query.viewerId ?? null,
        query.before ?? null,
        query.limit + 1,
      ],
    )) as RedemptionRow[];
  }

  /** Ids of a viewer's pending redemptions (any identity merged into them), oldest first. */
  async pendingIdsOf(tx: Tx, workspaceId: string, viewerId: string): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT d."id" FROM "redemptions" d JOIN "viewers" v ON v."id" = d."viewer_id"
       WHERE d."workspace_id" = $1 AND d."status" = 'pending' AND COALESCE(v."merged_into_id", v."id") = $2
       ORDER BY d."created_at", d."id"`,
      [workspaceId, viewerId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Redemptions made between two times (inclusive), whatever became of them: reports count these. */
  async countCreatedBetween(tx: Tx, workspaceId: string, from: Date, to: Date): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS "count" FROM "redemptions"
       WHERE "workspace_id" = $1 AND "created_at" >= $2 AND "created_at" <= $3`,
      [workspaceId, from, to],
    )) as { count: number }[];
    return row?.count ?? 0;
  }

  /** The public queue: pending redemptions, oldest first. */
  async publicQueue(tx: Tx, workspaceId: string, limit: number): Promise<RedemptionRow[]> {
    return (await tx.query(
      `${SELECT_REDEMPTION} WHERE d."workspace_id" = $1 AND d."status" = 'pending'
       ORDER BY d."created_at", d."id" LIMIT $2`,
      [workspaceId, limit],
    )) as RedemptionRow[];
  }
}
