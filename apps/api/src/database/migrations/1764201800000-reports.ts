import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored stream and meeting reports, the streams being watched for them, and viewer-count samples. */
export class Reports1764201800000 implements MigrationInterface {
  name = 'Reports1764201800000';

  async up(q: QueryRunner): Promise<void> {
    // `source_key` is what a report is of ("stream:<offline event id>", "meeting:<meeting id>"):
    // a retried event or a recompute rewrites the same row.
    await q.query(`
      CREATE TABLE "reports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "kind" varchar(8) NOT NULL,
        "source_key" varchar(120) NOT NULL,
        "title" varchar(300) NOT NULL,
        "connection_id" uuid,
        "meeting_id" uuid,
        "started_at" timestamptz NOT NULL,
        "ended_at" timestamptz NOT NULL,
        "headline" integer NOT NULL DEFAULT 0,
        "data" jsonb NOT NULL,
        "computed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reports" PRIMARY KEY ("id"),
        CONSTRAINT "uq_reports_source" UNIQUE ("workspace_id", "source_key"),
        CONSTRAINT "ck_reports_kind" CHECK ("kind" IN ('stream', 'meeting')),
        CONSTRAINT "fk_reports_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_reports_connection" FOREIGN KEY ("connection_id") REFERENCES "platform_connections" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_reports_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE INDEX "ix_reports_workspace_ended" ON "reports" ("workspace_id", "ended_at" DESC, "id")`,
    );
    await q.query(`CREATE INDEX "ix_reports_connection" ON "reports" ("connection_id")`);
    await q.query(`CREATE INDEX "ix_reports_meeting" ON "reports" ("meeting_id")`);

    // Streams online now, so the viewer sampler knows what to ask without scanning chat events.
    await q.query(`
      CREATE TABLE "report_live_streams" (
        "connection_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "online_event_id" uuid NOT NULL,
        "started_at" timestamptz NOT NULL,
        CONSTRAINT "pk_report_live_streams" PRIMARY KEY ("connection_id"),
        CONSTRAINT "fk_report_live_streams_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_report_live_streams_connection" FOREIGN KEY ("connection_id") REFERENCES "platform_connections" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_report_live_streams_workspace" ON "report_live_streams" ("workspace_id")`,
    );

    // One sample per connection per sampling period: two replicas sampling the same minute keep one.
    await q.query(`
      CREATE TABLE "report_viewer_samples" (
        "workspace_id" uuid NOT NULL,
        "connection_id" uuid NOT NULL,
        "sampled_at" timestamptz NOT NULL,
        "viewers" integer NOT NULL,
        CONSTRAINT "pk_report_viewer_samples" PRIMARY KEY ("connection_id", "sampled_at"),
        CONSTRAINT "ck_report_viewer_samples_viewers" CHECK ("viewers" >= 0),
        CONSTRAINT "fk_report_viewer_samples_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_report_viewer_samples_connection" FOREIGN KEY ("connection_id") REFERENCES "platform_connections" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_report_viewer_samples_workspace" ON "report_viewer_samples" ("workspace_id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "report_viewer_samples"`);
    await q.query(`DROP TABLE "report_live_streams"`);
    await q.query(`DROP TABLE "reports"`);
  }
}
