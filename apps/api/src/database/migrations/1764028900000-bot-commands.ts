import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Command bots and auto-responses: the workspace's prefix, custom commands (with every name they
 * answer to in a table of its own, so a name is unique per workspace across names and aliases),
 * auto-responses, and the cooldowns they claim atomically.
 */
export class BotCommands1764028900000 implements MigrationInterface {
  name = 'BotCommands1764028900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "bot_settings" (
        "workspace_id" uuid NOT NULL,
        "prefix" varchar(8) NOT NULL DEFAULT '!',
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_settings" PRIMARY KEY ("workspace_id"),
        CONSTRAINT "fk_bot_settings_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "bot_commands" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" varchar(30) NOT NULL,
        "aliases" text[] NOT NULL DEFAULT '{}',
        "responses" text[] NOT NULL,
        "permission" varchar(20) NOT NULL DEFAULT 'everyone',
        "global_cooldown_seconds" integer NOT NULL DEFAULT 0,
        "user_cooldown_seconds" integer NOT NULL DEFAULT 0,
        "platforms" text[] NOT NULL DEFAULT '{}',
        "enabled" boolean NOT NULL DEFAULT true,
        "use_count" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_commands" PRIMARY KEY ("id"),
        CONSTRAINT "fk_bot_commands_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_bot_commands_permission" CHECK ("permission" IN ('everyone', 'subscriber', 'vip', 'moderator', 'broadcaster')),
        CONSTRAINT "ck_bot_commands_cooldowns" CHECK ("global_cooldown_seconds" BETWEEN 0 AND 86400 AND "user_cooldown_seconds" BETWEEN 0 AND 86400)
      )`);
    await q.query(`CREATE INDEX "ix_bot_commands_workspace" ON "bot_commands" ("workspace_id")`);
    await q.query(`
      CREATE TABLE "bot_command_names" (
        "workspace_id" uuid NOT NULL,
        "name" varchar(30) NOT NULL,
        "command_id" uuid NOT NULL,
        CONSTRAINT "pk_bot_command_names" PRIMARY KEY ("workspace_id", "name"),
        CONSTRAINT "fk_bot_command_names_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_bot_command_names_command" FOREIGN KEY ("command_id") REFERENCES "bot_commands" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_bot_command_names_command" ON "bot_command_names" ("command_id")`);
    await q.query(`
      CREATE TABLE "bot_auto_responses" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "match_mode" varchar(10) NOT NULL,
        "terms" text[] NOT NULL,
        "responses" text[] NOT NULL,
        "global_cooldown_seconds" integer NOT NULL DEFAULT 30,
        "user_cooldown_seconds" integer NOT NULL DEFAULT 0,
        "platforms" text[] NOT NULL DEFAULT '{}',
        "enabled" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_auto_responses" PRIMARY KEY ("id"),
        CONSTRAINT "fk_bot_auto_responses_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_bot_auto_responses_mode" CHECK ("match_mode" IN ('contains', 'phrase'))
      )`);
    await q.query(`CREATE INDEX "ix_bot_auto_responses_workspace" ON "bot_auto_responses" ("workspace_id")`);
    // One row per (command or auto-response, scope): scope is 'global' or 'user:<viewer>'.
    await q.query(`
      CREATE TABLE "bot_cooldowns" (
        "workspace_id" uuid NOT NULL,
        "subject_id" uuid NOT NULL,
        "scope" varchar(200) NOT NULL,
        "until" timestamptz NOT NULL,
        "event_id" uuid NOT NULL,
        CONSTRAINT "pk_bot_cooldowns" PRIMARY KEY ("subject_id", "scope"),
        CONSTRAINT "fk_bot_cooldowns_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_bot_cooldowns_workspace" ON "bot_cooldowns" ("workspace_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "bot_cooldowns"`);
    await q.query(`DROP TABLE "bot_auto_responses"`);
    await q.query(`DROP TABLE "bot_command_names"`);
    await q.query(`DROP TABLE "bot_commands"`);
    await q.query(`DROP TABLE "bot_settings"`);
  }
}
