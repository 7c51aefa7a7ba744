import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Goal progress (one row per goal reward, its contributions and reached milestones per round), vote
 * rounds and ballots, and the deliveries of special rewards' signed webhooks.
 */
export class GoalsVotes1764115400000 implements MigrationInterface {
  name = 'GoalsVotes1764115400000';

  async up(q: QueryRunner): Promise<void> {
    // `progress` only moves through a conditional UPDATE (progress + n <= target), so it never
    // passes the target however many contributions race. `announced_round`: completion said once.
    await q.query(`
      CREATE TABLE "goal_progress" (
        "reward_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "round" integer NOT NULL DEFAULT 1,
        "progress" bigint NOT NULL DEFAULT 0,
        "completed_at" timestamptz,
        "announced_round" integer NOT NULL DEFAULT 0,
        "version" bigint NOT NULL DEFAULT 1,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_goal_progress" PRIMARY KEY ("reward_id"),
        CONSTRAINT "ck_goal_progress_progress" CHECK ("progress" >= 0),
        CONSTRAINT "ck_goal_progress_round" CHECK ("round" >= 1),
        CONSTRAINT "fk_goal_progress_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_goal_progress_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_goal_progress_workspace" ON "goal_progress" ("workspace_id")`);

    await q.query(`
      CREATE TABLE "goal_contributions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "reward_id" uuid NOT NULL,
        "round" integer NOT NULL,
        "redemption_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "amount" bigint NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_goal_contributions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_goal_contributions_redemption" UNIQUE ("redemption_id"),
        CONSTRAINT "ck_goal_contributions_amount" CHECK ("amount" > 0),
        CONSTRAINT "fk_goal_contributions_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_goal_contributions_redemption" FOREIGN KEY ("redemption_id") REFERENCES "redemptions" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_goal_contributions_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_goal_contributions_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_goal_contributions_round" ON "goal_contributions" ("reward_id", "round", "viewer_id")`,
    );

    // One row per milestone reached in a round: the primary key makes "reached once" a constraint.
    await q.query(`
      CREATE TABLE "goal_milestones_reached" (
        "reward_id" uuid NOT NULL,
        "round" integer NOT NULL,
        "at" bigint NOT NULL,
        "workspace_id" uuid NOT NULL,
        "label" varchar(100) NOT NULL,
        "reached_at" timestamptz NOT NULL DEFAULT now(),
        "announced_at" timestamptz,
        CONSTRAINT "pk_goal_milestones_reached" PRIMARY KEY ("reward_id", "round", "at"),
        CONSTRAINT "fk_goal_milestones_reached_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_goal_milestones_reached_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_goal_milestones_unannounced" ON "goal_milestones_reached" ("reached_at") WHERE "announced_at" IS NULL`,
    );

    await q.query(`
      CREATE TABLE "vote_rounds" (
        "reward_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "round" integer NOT NULL DEFAULT 1,
        "closed_at" timestamptz,
        "version" bigint NOT NULL DEFAULT 1,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_vote_rounds" PRIMARY KEY ("reward_id"),
        CONSTRAINT "ck_vote_rounds_round" CHECK ("round" >= 1),
        CONSTRAINT "fk_vote_rounds_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_vote_rounds_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE "vote_ballots" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "reward_id" uuid NOT NULL,
        "round" integer NOT NULL,
        "redemption_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "option_id" varchar(40) NOT NULL,
        "votes" integer NOT NULL,
        "points" bigint NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_vote_ballots" PRIMARY KEY ("id"),
        CONSTRAINT "uq_vote_ballots_redemption" UNIQUE ("redemption_id"),
        CONSTRAINT "ck_vote_ballots_votes" CHECK ("votes" > 0 AND "points" >= 0),
        CONSTRAINT "fk_vote_ballots_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_vote_ballots_redemption" FOREIGN KEY ("redemption_id") REFERENCES "redemptions" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_vote_ballots_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_vote_ballots_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_vote_ballots_round" ON "vote_ballots" ("reward_id", "round", "option_id")`,
    );

    // A special redeem's POST: claimed by one try at a time (`next_attempt_at` doubles as a lease).
    await q.query(`
      CREATE TABLE "special_deliveries" (
        "redemption_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "reward_id" uuid NOT NULL,
        "url" varchar(2000) NOT NULL,
        "status" varchar(10) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_status_code" integer,
        "last_error" varchar(500),
        "next_attempt_at" timestamptz,
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_special_deliveries" PRIMARY KEY ("redemption_id"),
        CONSTRAINT "ck_special_deliveries_status" CHECK ("status" IN ('pending', 'delivered', 'failed')),
        CONSTRAINT "fk_special_deliveries_redemption" FOREIGN KEY ("redemption_id") REFERENCES "redemptions" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_special_deliveries_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_special_deliveries_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_special_deliveries_due" ON "special_deliveries" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await q.query(
      `CREATE INDEX "ix_special_deliveries_workspace" ON "special_deliveries" ("workspace_id", "created_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "special_deliveries"`);
    await q.query(`DROP TABLE "vote_ballots"`);
    await q.query(`DROP TABLE "vote_rounds"`);
    await q.query(`DROP TABLE "goal_milestones_reached"`);
    await q.query(`DROP TABLE "goal_contributions"`);
    await q.query(`DROP TABLE "goal_progress"`);
  }
}
