import { Injectable } from '@nestjs/common';
import type { GoalMilestone } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

export interface GoalProgressRow {
  reward_id: string;
  workspace_id: string;
  round: number;
  progress: string;
  completed_at: Date | null;
  announced_round: number;
  version: string;
  updated_at: Date;
}

export interface ReachedMilestoneRow {
  reward_id: string;
  workspace_id: string;
  round: number;
  at: string;
  label: string;
  reached_at: Date;
}

/** A completion claimed for announcement (once per round). */
export interface CompletedGoalRow {
  reward_id: string;
  workspace_id: string;
  round: number;
  progress: string;
}

@Injectable()
export class GoalsRepository {
  /** The goal's row, created at round 1 on first use (concurrent callers all see one). */
  async ensure(tx: Tx, workspaceId: string, rewardId: string): Promise<void> {
    await tx.query(
      `INSERT INTO "goal_progress" ("reward_id", "workspace_id") VALUES ($1, $2)
       ON CONFLICT ("reward_id") DO NOTHING`,
      [rewardId, workspaceId],
    );
  }

  /**
   * Adds `amount` only if the goal is open and stays at or below `target`: one conditional UPDATE,
   * so racing contributions queue on the row lock and each re-checks the latest progress.
   */
  async contribute(
    tx: Tx,
    rewardId: string,
    amount: number,
    target: number,
  ): Promise<{ round: number; before: number; after: number; completed: boolean } | null> {
    const rows = (await tx.query(
      `UPDATE "goal_progress"
          SET "progress" = "progress" + $2,
              "completed_at" = CASE WHEN "progress" + $2 >= $3 THEN now() ELSE NULL END,
              "version" = "version" + 1,
              "updated_at" = now()
        WHERE "reward_id" = $1 AND "completed_at" IS NULL AND "progress" + $2 <= $3
        RETURNING "round", "progress", "completed_at"`,
      [rewardId, amount, target],
    )) as UpdateResult<{ round: number; progress: string; completed_at: Date | null }>;
    const row = firstRow(rows);
    if (!row) return null;
    const after = Number(row.progress);
    return { round: row.round, before: after - amount, after, completed: row.completed_at !== null };
  }

  async current(tx: Tx, rewardId: string): Promise<GoalProgressRow | null> {
    const rows = (await tx.query(`SELECT * FROM "goal_progress" WHERE "reward_id" = $1`, [
      rewardId,
    ])) as GoalProgressRow[];
    return rows[0] ?? null;
  }

  async insertContribution(
    tx: Tx,
    row: {
      workspaceId: string;
      rewardId: string;
      round: number;
      redemptionId: string;
      viewerId: string;
      amount: number;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "goal_contributions" ("workspace_id", "reward_id", "round", "redemption_id", "viewer_id", "amount")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.workspaceId, row.rewardId, row.round, row.redemptionId, row.viewerId, row.amount],
    );
  }

  /** Records milestones as reached in `round`; the primary key keeps each one to a single row. */
  async reachMilestones(
    tx: Tx,
    workspaceId: string,
    rewardId: string,
    round: number,
    milestones: readonly GoalMilestone[],
  ): Promise<void> {
    for (const milestone of milestones) {
      await tx.query(
        `INSERT INTO "goal_milestones_reached" ("reward_id", "round", "at", "workspace_id", "label")
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [rewardId, round, milestone.at, workspaceId, milestone.label],
      );
    }
  }

  /** The workspace's goal progress rows, with contributors and reached milestones of the current round. */
  async progressOf(
    tx: Tx,
    workspaceId: string,
    rewardIds: readonly string[],
  ): Promise<{ rows: GoalProgressRow[]; contributors: Map<string, number>; reached: ReachedMilestoneRow[] }> {
    if (rewardIds.length === 0) return { rows: [], contributors: new Map(), reached: [] };
    const rows = (await tx.query(
      `SELECT * FROM "goal_progress" WHERE "workspace_id" = $1 AND "reward_id" = ANY($2::uuid[])`,
      [workspaceId, rewardIds],
    )) as GoalProgressRow[];
    const counts = (await tx.query(
      `SELECT c."reward_id", count(DISTINCT c."viewer_id")::int AS "contributors"
         FROM "goal_contributions" c
         JOIN "goal_progress" g ON g."reward_id" = c."reward_id" AND g."round" = c."round"
        WHERE c."workspace_id" = $1 AND c."reward_id" = ANY($2::uuid[])
        GROUP BY c."reward_id"`,
      [workspaceId, rewardIds],
    )) as { reward_id: string; contributors: number }[];
    const reached = (await tx.query(
      `SELECT m.* FROM "goal_milestones_reached" m
         JOIN "goal_progress" g ON g."reward_id" = m."reward_id" AND g."round" = m."round"
        WHERE m."workspace_id" = $1 AND m."reward_id" = ANY($2::uuid[])`,
      [workspaceId, rewardIds],
    )) as ReachedMilestoneRow[];
    return { rows, contributors: new Map(counts.map((c) => [c.reward_id, c.contributors])), reached };
  }

  /** Starts a new round (progress 0); without `hard` only when complete. Null: nothing reset. */
  async reset(tx: Tx, rewardId: string, hard: boolean): Promise<GoalProgressRow | null> {
    const rows = (await tx.query(
      `UPDATE "goal_progress"
          SET "round" = "round" + 1, "progress" = 0, "completed_at" = NULL,
              "version" = "version" + 1, "updated_at" = now()
        WHERE "reward_id" = $1 AND ($2::boolean OR "completed_at" IS NOT NULL)
        RETURNING *`,
      [rewardId, hard],
    )) as UpdateResult<GoalProgressRow>;
    return firstRow(rows);
  }

  /** Milestones reached but not yet said, claimed (each exactly once across retries and replicas). */
  async claimMilestoneAnnouncements(tx: Tx, rewardId: string | null): Promise<ReachedMilestoneRow[]> {
    const rows = (await tx.query(
      `UPDATE "goal_milestones_reached" SET "announced_at" = now()
        WHERE "announced_at" IS NULL AND ($1::uuid IS NULL OR "reward_id" = $1)
          AND "reached_at" > now() - interval '1 hour'
        RETURNING *`,
      [rewardId],
    )) as UpdateResult<ReachedMilestoneRow>;
    return allRows(rows).sort((a, b) => Number(a.at) - Number(b.at));
  }

  /** Completions not yet said, claimed once per round. */
  async claimCompletionAnnouncements(tx: Tx, rewardId: string | null): Promise<CompletedGoalRow[]> {
    const rows = (await tx.query(
      `UPDATE "goal_progress" SET "announced_round" = "round"
        WHERE "completed_at" IS NOT NULL AND "announced_round" < "round"
          AND ($1::uuid IS NULL OR "reward_id" = $1)
          AND "completed_at" > now() - interval '1 hour'
        RETURNING "reward_id", "workspace_id", "round", "progress"`,
      [rewardId],
    )) as UpdateResult<CompletedGoalRow>;
    return allRows(rows);
  }

  async contributorsOf(tx: Tx, rewardId: string, round: number): Promise<number> {
    const rows = (await tx.query(
      `SELECT count(DISTINCT "viewer_id")::int AS "n" FROM "goal_contributions" WHERE "reward_id" = $1 AND "round" = $2`,
      [rewardId, round],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }
}

/** TypeORM answers UPDATE … RETURNING with `[rows, count]` on PostgreSQL. */
export type UpdateResult<T> = [T[], number];

export function allRows<T>(result: UpdateResult<T>): T[] {
  return result[0] ?? [];
}

export function firstRow<T>(result: UpdateResult<T>): T | null {
  return allRows(result)[0] ?? null;
}
