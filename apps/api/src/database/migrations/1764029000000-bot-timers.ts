import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Periodic announcements and revolution bots (with the hits that count towards them). */
export class BotTimers1764029000000 implements MigrationInterface {
  name = 'BotTimers1764029000000';

  async up(q: QueryRunner): Promise<void> {
    // `last_posted_at` is claimed by a conditional update, so with several replicas a period posts once.
    await q.query(`
      CREATE TABLE "bot_announcements" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" varchar(80) NOT NULL,
        "messages" text[] NOT NULL,
        "next_message_index" integer NOT NULL DEFAULT 0,
        "interval_minutes" integer NOT NULL,
        "live_only" boolean NOT NULL DEFAULT true,
        "min_chat_messages" integer NOT NULL DEFAULT 0,
        "connection_ids" uuid[] NOT NULL DEFAULT '{}',
        "enabled" boolean NOT NULL DEFAULT true,
        "last_posted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_announcements" PRIMARY KEY ("id"),
        CONSTRAINT "ck_bot_announcements_messages" CHECK (cardinality("messages") BETWEEN 1 AND 10),
        CONSTRAINT "ck_bot_announcements_interval" CHECK ("interval_minutes" BETWEEN 1 AND 1440),
        CONSTRAINT "ck_bot_announcements_min_chat" CHECK ("min_chat_messages" BETWEEN 0 AND 1000),
        CONSTRAINT "fk_bot_announcements_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_bot_announcements_enabled" ON "bot_announcements" ("workspace_id") WHERE "enabled"`,
    );

    await q.query(`
      CREATE TABLE "bot_revolutions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" varchar(80) NOT NULL,
        "trigger" varchar(50) NOT NULL,
        "threshold" integer NOT NULL,
        "window_seconds" integer NOT NULL,
        "cooldown_seconds" integer NOT NULL,
        "message" varchar(500) NOT NULL,
        "media_id" uuid,
        "sound_media_id" uuid,
        "alert_duration_ms" integer NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "show_on_overlay" boolean NOT NULL DEFAULT true,
        "fired_at" timestamptz,
        "cooldown_until" timestamptz,
        "fired_by_event_id" uuid,
        "fired_count" integer,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_revolutions" PRIMARY KEY ("id"),
        CONSTRAINT "ck_bot_revolutions_threshold" CHECK ("threshold" BETWEEN 2 AND 10000),
        CONSTRAINT "ck_bot_revolutions_window" CHECK ("window_seconds" BETWEEN 5 AND 3600),
        CONSTRAINT "ck_bot_revolutions_cooldown" CHECK ("cooldown_seconds" BETWEEN 0 AND 86400),
        CONSTRAINT "ck_bot_revolutions_duration" CHECK ("alert_duration_ms" BETWEEN 1000 AND 60000),
        CONSTRAINT "fk_bot_revolutions_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_bot_revolutions_workspace" ON "bot_revolutions" ("workspace_id")`);

    // One row per viewer and bot, holding their latest hit: distinct viewers are rows in the window.
    await q.query(`
      CREATE TABLE "bot_revolution_hits" (
        "revolution_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "at" timestamptz NOT NULL,
        CONSTRAINT "pk_bot_revolution_hits" PRIMARY KEY ("revolution_id", "viewer_id"),
        CONSTRAINT "fk_bot_revolution_hits_revolution" FOREIGN KEY ("revolution_id") REFERENCES "bot_revolutions" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_bot_revolution_hits_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_bot_revolution_hits_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_bot_revolution_hits_at" ON "bot_revolution_hits" ("revolution_id", "at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "bot_revolution_hits"`);
    await q.query(`DROP TABLE "bot_revolutions"`);
    await q.query(`DROP TABLE "bot_announcements"`);
  }
}
