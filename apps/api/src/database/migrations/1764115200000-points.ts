import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The points economy's core: an append-only ledger, the balance it moves (never negative), each
 * workspace's settings, and the cycles already paid (the key that makes a cycle pay once).
 */
export class Points1764115200000 implements MigrationInterface {
  name = 'Points1764115200000';

  async up(q: QueryRunner): Promise<void> {
    // Settings are one jsonb document so later blocks (action points, streaks) add fields, not columns.
    await q.query(`
      CREATE TABLE "points_settings" (
        "workspace_id" uuid NOT NULL,
        "settings" jsonb NOT NULL DEFAULT '{}',
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_points_settings" PRIMARY KEY ("workspace_id"),
        CONSTRAINT "fk_points_settings_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "points_balances" (
        "workspace_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "balance" bigint NOT NULL DEFAULT 0,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_points_balances" PRIMARY KEY ("workspace_id", "viewer_id"),
        CONSTRAINT "ck_points_balances_not_negative" CHECK ("balance" >= 0),
        CONSTRAINT "fk_points_balances_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_points_balances_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_points_balances_leaderboard" ON "points_balances" ("workspace_id", "balance" DESC)`,
    );
    // A NULL source key never conflicts (NULLs are distinct), so the plain unique constraint is the key.
    await q.query(`
      CREATE TABLE "points_ledger" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "workspace_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "amount" bigint NOT NULL,
        "reason" varchar(16) NOT NULL,
        "source_key" varchar(300),
        "actor_user_id" uuid,
        "note" varchar(500),
        "balance_after" bigint NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_points_ledger" PRIMARY KEY ("id"),
        CONSTRAINT "uq_points_ledger_source" UNIQUE ("workspace_id", "source_key"),
        CONSTRAINT "ck_points_ledger_amount" CHECK ("amount" <> 0),
        CONSTRAINT "ck_points_ledger_reason" CHECK ("reason" IN ('watch', 'follow', 'subscription', 'gift', 'cheer', 'raid', 'donation', 'kofi', 'meeting', 'streak', 'adjust', 'redeem', 'refund', 'goal', 'vote', 'import')),
        CONSTRAINT "fk_points_ledger_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_points_ledger_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_points_ledger_actor" FOREIGN KEY ("actor_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE INDEX "ix_points_ledger_viewer_seq" ON "points_ledger" ("workspace_id", "viewer_id", "seq" DESC)`,
    );
    // One row per paid cycle, inserted in the payout's own transaction: a second payer finds it and stops.
    await q.query(`
      CREATE TABLE "points_cycles" (
        "workspace_id" uuid NOT NULL,
        "cycle_start" timestamptz NOT NULL,
        "paid_viewers" integer NOT NULL DEFAULT 0,
        "points" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_points_cycles" PRIMARY KEY ("workspace_id", "cycle_start"),
        CONSTRAINT "fk_points_cycles_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "points_cycles"`);
    await q.query(`DROP TABLE "points_ledger"`);
    await q.query(`DROP TABLE "points_balances"`);
    await q.query(`DROP TABLE "points_settings"`);
  }
}
