import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rewards and their categories, the redemptions queue, and the claims that make cooldowns and
 * per-stream limits hold under concurrency (one conditional upsert each, in the redeem's transaction).
 */
export class Redeems1764115300000 implements MigrationInterface {
  name = 'Redeems1764115300000';

  async up(q: QueryRunner): Promise<void> {
    // `config` holds the type's settings (goal, vote, special with its secret encrypted).
    await q.query(`
      CREATE TABLE "rewards" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" varchar(40) NOT NULL,
        "type" varchar(16) NOT NULL,
        "price" bigint NOT NULL DEFAULT 0,
        "description" varchar(500) NOT NULL DEFAULT '',
        "enabled" boolean NOT NULL DEFAULT true,
        "global_cooldown_seconds" integer NOT NULL DEFAULT 0,
        "viewer_cooldown_seconds" integer NOT NULL DEFAULT 0,
        "max_per_stream" integer,
        "max_per_viewer" integer,
        "requires_note" boolean NOT NULL DEFAULT false,
        "auto_fulfil" boolean NOT NULL DEFAULT false,
        "eligibility" varchar(24) NOT NULL DEFAULT 'everyone',
        "config" jsonb NOT NULL DEFAULT '{}',
        "counter_reset_at" timestamptz NOT NULL DEFAULT now(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_rewards" PRIMARY KEY ("id"),
        CONSTRAINT "uq_rewards_name" UNIQUE ("workspace_id", "name"),
        CONSTRAINT "ck_rewards_type" CHECK ("type" IN ('list', 'note', 'counter', 'goal', 'vote', 'special')),
        CONSTRAINT "ck_rewards_eligibility" CHECK ("eligibility" IN ('everyone', 'followers', 'subscribers', 'kofi_supporters', 'owncast_authenticated')),
        CONSTRAINT "ck_rewards_price" CHECK ("price" >= 0),
        CONSTRAINT "ck_rewards_cooldowns" CHECK ("global_cooldown_seconds" >= 0 AND "viewer_cooldown_seconds" >= 0),
        CONSTRAINT "ck_rewards_limits" CHECK (("max_per_stream" IS NULL OR "max_per_stream" > 0) AND ("max_per_viewer" IS NULL OR "max_per_viewer" > 0)),
        CONSTRAINT "fk_rewards_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE "reward_categories" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" varchar(40) NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reward_categories" PRIMARY KEY ("id"),
        CONSTRAINT "fk_reward_categories_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_reward_categories_name" ON "reward_categories" ("workspace_id", lower("name"))`,
    );

    await q.query(`
      CREATE TABLE "reward_category_links" (
        "reward_id" uuid NOT NULL,
        "category_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        CONSTRAINT "pk_reward_category_links" PRIMARY KEY ("reward_id", "category_id"),
        CONSTRAINT "fk_reward_category_links_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_reward_category_links_category" FOREIGN KEY ("category_id") REFERENCES "reward_categories" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_reward_category_links_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_reward_category_links_category" ON "reward_category_links" ("category_id")`,
    );

    // The reward's name and type are kept so the history reads the same after the reward is deleted.
    await q.query(`
      CREATE TABLE "redemptions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "reward_id" uuid,
        "reward_name" varchar(40) NOT NULL,
        "reward_type" varchar(16) NOT NULL,
        "viewer_id" uuid NOT NULL,
        "request_id" uuid NOT NULL,
        "spent" bigint NOT NULL,
        "note" varchar(300),
        "option_id" varchar(100),
        "status" varchar(12) NOT NULL DEFAULT 'pending',
        "source" varchar(8) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "decided_at" timestamptz,
        "decided_by_user_id" uuid,
        CONSTRAINT "pk_redemptions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_redemptions_request" UNIQUE ("workspace_id", "request_id"),
        CONSTRAINT "ck_redemptions_status" CHECK ("status" IN ('pending', 'fulfilled', 'refunded', 'rejected')),
        CONSTRAINT "ck_redemptions_source" CHECK ("source" IN ('chat', 'panel', 'api', 'cli')),
        CONSTRAINT "ck_redemptions_spent" CHECK ("spent" >= 0),
        CONSTRAINT "ck_redemptions_decided" CHECK (("status" = 'pending') = ("decided_at" IS NULL)),
        CONSTRAINT "fk_redemptions_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_redemptions_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_redemptions_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_redemptions_decided_by" FOREIGN KEY ("decided_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE INDEX "ix_redemptions_queue" ON "redemptions" ("workspace_id", "status", "created_at", "id")`,
    );
    await q.query(`CREATE INDEX "ix_redemptions_reward" ON "redemptions" ("reward_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_redemptions_viewer" ON "redemptions" ("viewer_id", "created_at")`);

    // Claimed with a conditional upsert: `until` only moves once the previous cooldown ended.
    await q.query(`
      CREATE TABLE "reward_cooldowns" (
        "reward_id" uuid NOT NULL,
        "scope" varchar(60) NOT NULL,
        "workspace_id" uuid NOT NULL,
        "until" timestamptz NOT NULL,
        CONSTRAINT "pk_reward_cooldowns" PRIMARY KEY ("reward_id", "scope"),
        CONSTRAINT "fk_reward_cooldowns_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_reward_cooldowns_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);

    // Redeems counted per stream (`stream_key`: the stream's start), for everyone or one viewer.
    await q.query(`
      CREATE TABLE "reward_limit_counts" (
        "reward_id" uuid NOT NULL,
        "scope" varchar(60) NOT NULL,
        "stream_key" varchar(40) NOT NULL,
        "workspace_id" uuid NOT NULL,
        "count" integer NOT NULL,
        CONSTRAINT "pk_reward_limit_counts" PRIMARY KEY ("reward_id", "scope", "stream_key"),
        CONSTRAINT "ck_reward_limit_counts_count" CHECK ("count" >= 0),
        CONSTRAINT "fk_reward_limit_counts_reward" FOREIGN KEY ("reward_id") REFERENCES "rewards" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_reward_limit_counts_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reward_limit_counts"`);
    await q.query(`DROP TABLE "reward_cooldowns"`);
    await q.query(`DROP TABLE "redemptions"`);
    await q.query(`DROP TABLE "reward_category_links"`);
    await q.query(`DROP TABLE "reward_categories"`);
    await q.query(`DROP TABLE "rewards"`);
  }
}
