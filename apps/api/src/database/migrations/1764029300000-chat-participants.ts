import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stream questions: a meeting's chat settings, attendees who joined by answering in a stream's
 * chat (one per viewer per meeting), and the chat posts of question transitions, claimed once.
 */
export class ChatParticipants1764029300000 implements MigrationInterface {
  name = 'ChatParticipants1764029300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "meetings" ADD COLUMN "chat_settings" jsonb NOT NULL
        DEFAULT '{"answers":true,"announceOpen":true,"announceClose":true,"announceResults":true,"wordCloud":"command"}'`);
    await q.query(`ALTER TABLE "attendees" ADD COLUMN "viewer_id" uuid`);
    await q.query(`ALTER TABLE "attendees" ADD COLUMN "platform" varchar(16)`);
    await q.query(`
      ALTER TABLE "attendees"
        ADD CONSTRAINT "uq_attendees_meeting_viewer" UNIQUE ("meeting_id", "viewer_id"),
        ADD CONSTRAINT "fk_attendees_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE SET NULL,
        ADD CONSTRAINT "ck_attendees_viewer_platform" CHECK ("viewer_id" IS NULL OR "platform" IS NOT NULL)`);
    await q.query(`CREATE INDEX "ix_attendees_viewer" ON "attendees" ("viewer_id")`);
    // One chat post per (meeting, live version, what): replicas race for the row, one posts.
    await q.query(`
      CREATE TABLE "meeting_chat_posts" (
        "workspace_id" uuid NOT NULL,
        "meeting_id" uuid NOT NULL,
        "live_version" int NOT NULL,
        "kind" varchar(16) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meeting_chat_posts" PRIMARY KEY ("meeting_id", "live_version", "kind"),
        CONSTRAINT "fk_meeting_chat_posts_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meeting_chat_posts_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "meeting_chat_posts"`);
    await q.query(`DROP INDEX "ix_attendees_viewer"`);
    await q.query(`
      ALTER TABLE "attendees"
        DROP CONSTRAINT "ck_attendees_viewer_platform",
        DROP CONSTRAINT "fk_attendees_viewer",
        DROP CONSTRAINT "uq_attendees_meeting_viewer",
        DROP COLUMN "platform",
        DROP COLUMN "viewer_id"`);
    await q.query(`ALTER TABLE "meetings" DROP COLUMN "chat_settings"`);
  }
}
