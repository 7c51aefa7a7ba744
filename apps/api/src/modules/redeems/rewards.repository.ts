import { Injectable } from '@nestjs/common';
import type { ObsAction, RewardEligibility, RewardType } from '@podium/contracts';
import type { Tx } from '../../database/transaction';

/** The type's stored settings; the special secret is kept encrypted. */
export interface RewardConfig {
  goal?: unknown;
  vote?: unknown;
  special?: { url: string; secretSealed: string | null };
  /** What OBS does on each redeem (any type). */
  obsAction?: ObsAction;
}

export interface RewardRow {
  id: string;
  workspace_id: string;
  name: string;
  type: RewardType;
  price: string;
  description: string;
  enabled: boolean;
  global_cooldown_seconds: number;
  viewer_cooldown_seconds: number;
  max_per_stream: number | null;
  max_per_viewer: number | null;
  requires_note: boolean;
  auto_fulfil: boolean;
  eligibility: RewardEligibility;
  config: RewardConfig;
  counter_reset_at: Date;
  created_at: Date;
  updated_at: Date;
  /** Sorted by name. */
  categories: { id: string; name: string; active: boolean }[];
  /** Redeems since the counter reset, refunded and rejected ones left out. */
  count: number;
}

export interface CategoryRow {
  id: string;
  name: string;
  active: boolean;
  reward_count: number;
}

/** The columns a create or update writes. */
export interface RewardWrite {
  name: string;
  type: RewardType;
  price: number;
  description: string;
  enabled: boolean;
  globalCooldownSeconds: number;
  viewerCooldownSeconds: number;
  maxPerStream: number | null;
  maxPerViewer: number | null;
  requiresNote: boolean;
  autoFulfil: boolean;
  eligibility: RewardEligibility;
  config: RewardConfig;
}

/** A reward's categories, sorted by name, as JSON (`r` is the reward). */
const CATEGORIES_OF_R = `
    COALESCE((SELECT json_agg(json_build_object('id', c."id", 'name', c."name", 'active', c."active")
                              ORDER BY lower(c."name"))
              FROM "reward_category_links" l JOIN "reward_categories" c ON c."id" = l."category_id"
              WHERE l."reward_id" = r."id"), '[]'::json)`;

const SELECT_REWARD = `
  SELECT r.*, ${CATEGORIES_OF_R} AS "categories",
    (SELECT count(*)::int FROM "redemptions" d
     WHERE d."reward_id" = r."id" AND d."created_at" >= r."counter_reset_at"
       AND d."status" IN ('pending', 'fulfilled')) AS "count"
  FROM "rewards" r`;

/**
 * A reward as redeeming needs it: everything but the redeem count, whose cost grows with the
 * reward's history (every redemption since the counter reset), so the hot path never reads it.
 */
export type RewardCore = Omit<RewardRow, 'count'>;

/** The select list of a RewardCore from `"rewards" r`, for queries that read more beside it. */
export const REWARD_CORE_COLUMNS = `r.*, ${CATEGORIES_OF_R} AS "categories"`;

/** Rewards, their categories and the category links. */
@Injectable()
export class RewardsRepository {
  async list(tx: Tx, workspaceId: string): Promise<RewardRow[]> {
    return (await tx.query(`${SELECT_REWARD} WHERE r."workspace_id" = $1 ORDER BY r."name"`, [
      workspaceId,
    ])) as RewardRow[];
  }

  async find(tx: Tx, workspaceId: string, rewardId: string): Promise<RewardRow | null> {
    const [row] = (await tx.query(`${SELECT_REWARD} WHERE r."workspace_id" = $1 AND r."id" = $2`, [
      workspaceId,
      rewardId,
    ])) as RewardRow[];
    return row ?? null;
  }

  /** The reward without its count (see RewardCore). */
  async findCore(tx: Tx, workspaceId: string, rewardId: string): Promise<RewardCore | null> {
    const [row] = (await tx.query(
      `SELECT ${REWARD_CORE_COLUMNS} FROM "rewards" r WHERE r."workspace_id" = $1 AND r."id" = $2`,
      [workspaceId, rewardId],
    )) as RewardCore[];
    return row ?? null;
  }

  /** The reward named so, without its count (see RewardCore): what a chat redeem needs. */
  async findCoreByName(tx: Tx, workspaceId: string, name: string): Promise<RewardCore | null> {
    const [row] = (await tx.query(
      `SELECT ${REWARD_CORE_COLUMNS} FROM "rewards" r WHERE r."workspace_id" = $1 AND r."name" = $2`,
      [workspaceId, name.toLowerCase()],
    )) as RewardCore[];
    return row ?? null;
  }

  async findByName(tx: Tx, workspaceId: string, name: string): Promise<RewardRow | null> {
    const [row] = (await tx.query(`${SELECT_REWARD} WHERE r."workspace_id" = $1 AND r."name" = $2`, [
      workspaceId,
      name.toLowerCase(),
    ])) as RewardRow[];
    return row ?? null;
  }

  /** The new reward's id; null when the name is taken in the workspace. */
  async insert(tx: Tx, workspaceId: string, write: RewardWrite): Promise<string | null> {
    const rows = (await tx.query(
      `INSERT INTO "rewards" ("workspace_id", "name", "type", "price", "description", "enabled",
         "global_cooldown_seconds", "viewer_cooldown_seconds", "max_per_stream", "max_per_viewer",
         "requires_note", "auto_fulfil", "eligibility", "config")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT ON CONSTRAINT "uq_rewards_name" DO NOTHING
       RETURNING "id"`,
      [workspaceId, ...values(write)],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** False when the reward is gone; throws a unique violation when the new name is taken. */
  async update(tx: Tx, workspaceId: string, rewardId: string, write: RewardWrite): Promise<boolean> {
    const [, count] = (await tx.query(
      `UPDATE "rewards" SET "name" = $3, "type" = $4, "price" = $5, "description" = $6, "enabled" = $7,
         "global_cooldown_seconds" = $8, "viewer_cooldown_seconds" = $9, "max_per_stream" = $10,
         "max_per_viewer" = $11, "requires_note" = $12, "auto_fulfil" = $13, "eligibility" = $14,
         "config" = $15, "updated_at" = now()
       WHERE "workspace_id" = $1 AND "id" = $2`,
      [workspaceId, rewardId, ...values(write)],
    )) as [unknown, number];
    return count === 1;
  }

  async delete(tx: Tx, workspaceId: string, rewardId: string): Promise<boolean> {
    const [, count] = (await tx.query(`DELETE FROM "rewards" WHERE "workspace_id" = $1 AND "id" = $2`, [
      workspaceId,
      rewardId,
    ])) as [unknown, number];
    return count === 1;
  }

  /** Counters start again from now (one reward, or all of the workspace). */
  async resetCounters(tx: Tx, workspaceId: string, rewardId: string | null): Promise<number> {
    const [, count] = (await tx.query(
      `UPDATE "rewards" SET "counter_reset_at" = now()
       WHERE "workspace_id" = $1 AND ($2::uuid IS NULL OR "id" = $2)`,
      [workspaceId, rewardId],
    )) as [unknown, number];
    return count;
  }

  /* ---------- categories ---------- */

  async categories(tx: Tx, workspaceId: string): Promise<CategoryRow[]> {
    return (await tx.query(
      `SELECT c."id", c."name", c."active",
         (SELECT count(*)::int FROM "reward_category_links" l WHERE l."category_id" = c."id") AS "reward_count"
       FROM "reward_categories" c WHERE c."workspace_id" = $1 ORDER BY lower(c."name")`,
      [workspaceId],
    )) as CategoryRow[];
  }

  /** Creates the names that do not exist yet (active) and returns the ids of all of them. */
  async ensureCategories(tx: Tx, workspaceId: string, names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    await tx.query(
      `INSERT INTO "reward_categories" ("workspace_id", "name")
       SELECT $1, n FROM unnest($2::text[]) AS n
       ON CONFLICT ("workspace_id", lower("name")) DO NOTHING`,
      [workspaceId, names],
    );
    const rows = (await tx.query(
      `SELECT "id" FROM "reward_categories" WHERE "workspace_id" = $1 AND lower("name") = ANY($2::text[])`,
      [workspaceId, names.map((name) => name.toLowerCase())],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  async setCategories(
    tx: Tx,
    workspaceId: string,
    rewardId: string,
    categoryIds: readonly string[],
  ): Promise<void> {
    await tx.query(`DELETE FROM "reward_category_links" WHERE "reward_id" = $1`, [rewardId]);
    if (categoryIds.length === 0) return;
    await tx.query(
      `INSERT INTO "reward_category_links" ("reward_id", "category_id", "workspace_id")
       SELECT $1, c, $2 FROM unnest($3::uuid[]) AS c`,
      [rewardId, workspaceId, categoryIds],
    );
  }

  /** Null when the name is taken. */
  async insertCategory(tx: Tx, workspaceId: string, name: string, active: boolean): Promise<string | null> {
    const rows = (await tx.query(
      `INSERT INTO "reward_categories" ("workspace_id", "name", "active") VALUES ($1, $2, $3)
       ON CONFLICT ("workspace_id", lower("name")) DO NOTHING RETURNING "id"`,
      [workspaceId, name, active],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** False when the category is gone; a taken name throws a unique violation. */
  async updateCategory(
    tx: Tx,
    workspaceId: string,
    categoryId: string,
    change: { name?: string; active?: boolean },
  ): Promise<boolean> {
    const [, count] = (await tx.query(
      `UPDATE "reward_categories" SET "name" = COALESCE($3, "name"), "active" = COALESCE($4, "active")
       WHERE "workspace_id" = $1 AND "id" = $2`,
      [workspaceId, categoryId, change.name ?? null, change.active ?? null],
    )) as [unknown, number];
    return count === 1;
  }

  async deleteCategory(tx: Tx, workspaceId: string, categoryId: string): Promise<boolean> {
    const [, count] = (await tx.query(
      `DELETE FROM "reward_categories" WHERE "workspace_id" = $1 AND "id" = $2`,
      [workspaceId, categoryId],
    )) as [unknown, number];
    return count === 1;
  }

  /** Exactly these categories (by lower-case name) become active; the others inactive. One statement. */
  async setActiveSet(tx: Tx, workspaceId: string, activeNames: readonly string[]): Promise<void> {
    await tx.query(
      `UPDATE "reward_categories" SET "active" = (lower("name") = ANY($2::text[])) WHERE "workspace_id" = $1`,
      [workspaceId, activeNames.map((name) => name.trim().toLowerCase())],
    );
  }
}

function values(write: RewardWrite): unknown[] {
  return [
    write.name,
    write.type,
    write.price,
    write.description,
    write.enabled,
    write.globalCooldownSeconds,
    write.viewerCooldownSeconds,
    write.maxPerStream,
    write.maxPerViewer,
    write.requiresNote,
    write.autoFulfil,
    write.eligibility,
    JSON.stringify(write.config),
  ];
}
