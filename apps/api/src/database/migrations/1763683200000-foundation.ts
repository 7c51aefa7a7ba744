import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizers, workspaces, sessions, invites, overlay tokens and the job-run log. */
export class Foundation1763683200000 implements MigrationInterface {
  name = 'Foundation1763683200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL,
        "display_name" varchar(80) NOT NULL,
        "password_hash" varchar(255) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_users" PRIMARY KEY ("id"),
        CONSTRAINT "uq_users_email" UNIQUE ("email")
      )`);
    // A single row, inserted once: its primary key makes "first visit creates the owner" race-free.
    await q.query(`
      CREATE TABLE "installation" (
        "id" smallint NOT NULL DEFAULT 1,
        "owner_user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_installation" PRIMARY KEY ("id"),
        CONSTRAINT "ck_installation_single_row" CHECK ("id" = 1),
        CONSTRAINT "fk_installation_owner" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id")
      )`);
    await q.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" char(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "user_agent" varchar(300),
        CONSTRAINT "pk_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_sessions_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_sessions_expires_at" ON "sessions" ("expires_at")`);
    await q.query(`
      CREATE TABLE "workspaces" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(80) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_workspaces" PRIMARY KEY ("id")
      )`);
    await q.query(`
      CREATE TABLE "workspace_members" (
        "workspace_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role" varchar(16) NOT NULL,
        "joined_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_workspace_members" PRIMARY KEY ("workspace_id", "user_id"),
        CONSTRAINT "ck_workspace_members_role" CHECK ("role" IN ('owner', 'moderator', 'viewer')),
        CONSTRAINT "fk_workspace_members_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_workspace_members_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_workspace_members_user" ON "workspace_members" ("user_id")`);
    await q.query(`
      CREATE TABLE "invites" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "role" varchar(16) NOT NULL,
        "token_hash" char(64) NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "used_by" uuid,
        CONSTRAINT "pk_invites" PRIMARY KEY ("id"),
        CONSTRAINT "uq_invites_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "ck_invites_role" CHECK ("role" IN ('moderator', 'viewer')),
        CONSTRAINT "fk_invites_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_invites_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_invites_used_by" FOREIGN KEY ("used_by") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "ix_invites_workspace" ON "invites" ("workspace_id")`);
    await q.query(`
      CREATE TABLE "overlay_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "label" varchar(80) NOT NULL,
        "token_hash" char(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "pk_overlay_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "uq_overlay_tokens_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_overlay_tokens_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_overlay_tokens_workspace" ON "overlay_tokens" ("workspace_id")`);
    // One row per executed periodic job: lets an operator (and the tests) see that a period ran once.
    await q.query(`
      CREATE TABLE "job_runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "job_name" varchar(100) NOT NULL,
        "run_key" varchar(200) NOT NULL,
        "instance_id" varchar(100) NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        "outcome" varchar(16) NOT NULL DEFAULT 'running',
        "detail" varchar(500),
        CONSTRAINT "pk_job_runs" PRIMARY KEY ("id"),
        CONSTRAINT "ck_job_runs_outcome" CHECK ("outcome" IN ('running', 'succeeded', 'failed'))
      )`);
    await q.query(`CREATE INDEX "ix_job_runs_job_started" ON "job_runs" ("job_name", "started_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'job_runs',
      'overlay_tokens',
      'invites',
      'workspace_members',
      'workspaces',
      'sessions',
      'installation',
      'users',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
