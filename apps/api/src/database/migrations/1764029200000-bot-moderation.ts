import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat moderation: each workspace's filters, the log of every action taken, and the in-room
 * chat's own moderation (lines hidden from attendees, attendees silenced until a time or for good).
 */
export class BotModeration1764029200000 implements MigrationInterface {
  name = 'BotModeration1764029200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "bot_moderation_settings" (
        "workspace_id" uuid NOT NULL,
        "settings" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_moderation_settings" PRIMARY KEY ("workspace_id"),
        CONSTRAINT "fk_bot_moderation_settings_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "bot_moderation_log" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seq" bigserial NOT NULL,
        "workspace_id" uuid NOT NULL,
        "event_id" uuid,
        "connection_id" uuid NOT NULL,
        "platform" varchar(20) NOT NULL,
        "viewer_id" uuid,
        "viewer_display_name" varchar(200) NOT NULL,
        "message_text" text NOT NULL,
        "rule" varchar(20) NOT NULL,
        "rule_detail" varchar(300) NOT NULL,
        "action" jsonb NOT NULL,
        "outcome" varchar(20) NOT NULL,
        "outcome_detail" varchar(1000),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_moderation_log" PRIMARY KEY ("id"),
        CONSTRAINT "uq_bot_moderation_log_event" UNIQUE ("event_id"),
        CONSTRAINT "ck_bot_moderation_log_outcome" CHECK ("outcome" IN ('done', 'failed', 'not_supported')),
        CONSTRAINT "fk_bot_moderation_log_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_bot_moderation_log_event" FOREIGN KEY ("event_id") REFERENCES "chat_events" ("id") ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE INDEX "ix_bot_moderation_log_workspace_seq" ON "bot_moderation_log" ("workspace_id", "seq" DESC)`,
    );
    await q.query(`
      CREATE TABLE "inroom_hidden_messages" (
        "event_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "meeting_id" uuid NOT NULL,
        "hidden_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_inroom_hidden_messages" PRIMARY KEY ("event_id"),
        CONSTRAINT "fk_inroom_hidden_messages_event" FOREIGN KEY ("event_id") REFERENCES "chat_events" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_inroom_hidden_messages_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_inroom_hidden_messages_meeting" ON "inroom_hidden_messages" ("meeting_id")`,
    );
    await q.query(`
      CREATE TABLE "inroom_silenced_attendees" (
        "attendee_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "until" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_inroom_silenced_attendees" PRIMARY KEY ("attendee_id"),
        CONSTRAINT "fk_inroom_silenced_attendees_attendee" FOREIGN KEY ("attendee_id") REFERENCES "attendees" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_inroom_silenced_attendees_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "inroom_silenced_attendees"`);
    await q.query(`DROP TABLE "inroom_hidden_messages"`);
    await q.query(`DROP TABLE "bot_moderation_log"`);
    await q.query(`DROP TABLE "bot_moderation_settings"`);
  }
}
