import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded media (bytes in PostgreSQL so every replica and the embedded mode serve them), the
 * alert queue, per-kind event alert settings, and the `!timer` countdown.
 */
export class BotAlerts1764029100000 implements MigrationInterface {
  name = 'BotAlerts1764029100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "media" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" varchar(200) NOT NULL,
        "content_type" varchar(40) NOT NULL,
        "kind" varchar(10) NOT NULL,
        "size" integer NOT NULL,
        "data" bytea NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_media" PRIMARY KEY ("id"),
        CONSTRAINT "fk_media_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_media_kind" CHECK ("kind" IN ('image', 'video', 'audio')),
        CONSTRAINT "ck_media_size" CHECK ("size" > 0 AND "size" <= 10485760)
      )`);
    await q.query(`CREATE INDEX "ix_media_workspace_created" ON "media" ("workspace_id", "created_at")`);

    await q.query(`
      CREATE TABLE "bot_alerts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "kind" varchar(20) NOT NULL,
        "text" varchar(500) NOT NULL,
        "media_id" uuid,
        "sound_media_id" uuid,
        "duration_ms" integer NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_alerts" PRIMARY KEY ("id"),
        CONSTRAINT "fk_bot_alerts_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_bot_alerts_media" FOREIGN KEY ("media_id") REFERENCES "media" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_bot_alerts_sound" FOREIGN KEY ("sound_media_id") REFERENCES "media" ("id") ON DELETE SET NULL,
        CONSTRAINT "ck_bot_alerts_slot" CHECK ("ends_at" > "starts_at")
      )`);
    await q.query(`CREATE INDEX "ix_bot_alerts_workspace_ends" ON "bot_alerts" ("workspace_id", "ends_at")`);

    await q.query(`
      CREATE TABLE "bot_event_alert_settings" (
        "workspace_id" uuid NOT NULL,
        "kind" varchar(20) NOT NULL,
        "enabled" boolean NOT NULL,
        "chat_template" varchar(500) NOT NULL,
        "alert_template" varchar(500) NOT NULL,
        "media_id" uuid,
        "sound_media_id" uuid,
        "duration_ms" integer NOT NULL,
        "min_amount" numeric(12, 2) NOT NULL DEFAULT 0,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_event_alert_settings" PRIMARY KEY ("workspace_id", "kind"),
        CONSTRAINT "fk_bot_event_alert_settings_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_bot_event_alert_settings_media" FOREIGN KEY ("media_id") REFERENCES "media" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_bot_event_alert_settings_sound" FOREIGN KEY ("sound_media_id") REFERENCES "media" ("id") ON DELETE SET NULL
      )`);

    await q.query(`
      CREATE TABLE "bot_countdowns" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "ends_at" timestamptz NOT NULL,
        CONSTRAINT "pk_bot_countdowns" PRIMARY KEY ("id"),
        CONSTRAINT "uq_bot_countdowns_workspace" UNIQUE ("workspace_id"),
        CONSTRAINT "fk_bot_countdowns_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "bot_countdowns"`);
    await q.query(`DROP TABLE "bot_event_alert_settings"`);
    await q.query(`DROP TABLE "bot_alerts"`);
    await q.query(`DROP TABLE "media"`);
  }
}
