import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Action points and streaks: each workspace's action amounts, its streams (numbered, so a streak
 * is a run of consecutive numbers), who attended each, every viewer's streak, and the meetings
 * whose points were converted to stream points.
 */
export class PointsActions1764115250000 implements MigrationInterface {
  name = 'PointsActions1764115250000';

  async up(q: QueryRunner): Promise<void> {
    // One jsonb document, validated by ActionPointsSettingsSchema on the way in and out.
    await q.query(`
      CREATE TABLE "points_action_settings" (
        "workspace_id" uuid NOT NULL,
        "settings" jsonb NOT NULL DEFAULT '{}',
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_points_action_settings" PRIMARY KEY ("workspace_id"),
        CONSTRAINT "fk_points_action_settings_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    // What keeps the workspace live: "connection:<id>" between stream online and offline, "meeting:<id>" while it runs.
    await q.query(`
      CREATE TABLE "points_stream_sources" (
        "workspace_id" uuid NOT NULL,
        "source" varchar(100) NOT NULL,
        "live" boolean NOT NULL,
        "changed_at" timestamptz NOT NULL,
        CONSTRAINT "pk_points_stream_sources" PRIMARY KEY ("workspace_id", "source"),
        CONSTRAINT "fk_points_stream_sources_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "points_streams" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "started_at" timestamptz NOT NULL,
        "ended_at" timestamptz,
        CONSTRAINT "pk_points_streams" PRIMARY KEY ("id"),
        CONSTRAINT "uq_points_streams_seq" UNIQUE ("workspace_id", "seq"),
        CONSTRAINT "ck_points_streams_seq" CHECK ("seq" >= 1),
        CONSTRAINT "fk_points_streams_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    // At most one running stream per workspace.
    await q.query(
      `CREATE UNIQUE INDEX "uq_points_streams_open" ON "points_streams" ("workspace_id") WHERE "ended_at" IS NULL`,
    );
    await q.query(`
      CREATE TABLE "points_stream_attendance" (
        "stream_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "attended_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_points_stream_attendance" PRIMARY KEY ("stream_id", "viewer_id"),
        CONSTRAINT "fk_points_stream_attendance_stream" FOREIGN KEY ("stream_id") REFERENCES "points_streams" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_points_stream_attendance_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_points_stream_attendance_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_points_stream_attendance_viewer" ON "points_stream_attendance" ("viewer_id")`,
    );
    await q.query(`
      CREATE TABLE "points_streaks" (
        "workspace_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "current" integer NOT NULL DEFAULT 0,
        "best" integer NOT NULL DEFAULT 0,
        "streams_attended" integer NOT NULL DEFAULT 0,
        "last_stream_seq" integer,
        "last_stream_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_points_streaks" PRIMARY KEY ("workspace_id", "viewer_id"),
        CONSTRAINT "ck_points_streaks_counts" CHECK ("current" >= 0 AND "best" >= "current" AND "streams_attended" >= 0),
        CONSTRAINT "fk_points_streaks_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_points_streaks_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE
      )`);
    // A meeting that ended and is owed a conversion; `converted_at` set in the crediting transaction.
    await q.query(`
      CREATE TABLE "points_meeting_conversions" (
        "meeting_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "ended_at" timestamptz NOT NULL DEFAULT now(),
        "converted_at" timestamptz,
        "credited_viewers" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_points_meeting_conversions" PRIMARY KEY ("meeting_id"),
        CONSTRAINT "fk_points_meeting_conversions_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_points_meeting_conversions_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_points_meeting_conversions_pending" ON "points_meeting_conversions" ("ended_at") WHERE "converted_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "points_meeting_conversions"`);
    await q.query(`DROP TABLE "points_streaks"`);
    await q.query(`DROP TABLE "points_stream_attendance"`);
    await q.query(`DROP TABLE "points_streams"`);
    await q.query(`DROP TABLE "points_stream_sources"`);
    await q.query(`DROP TABLE "points_action_settings"`);
  }
}
