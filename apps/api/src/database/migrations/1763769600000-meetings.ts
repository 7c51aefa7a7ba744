import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings and their questions, attendees, answers, Q&A, flags and flag captures. */
export class Meetings1763769600000 implements MigrationInterface {
  name = 'Meetings1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "meetings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "title" varchar(120) NOT NULL,
        "description" varchar(2000) NOT NULL DEFAULT '',
        "kind" varchar(16) NOT NULL,
        "join_code" varchar(16) NOT NULL,
        "phase" varchar(16) NOT NULL DEFAULT 'before',
        "current_question_id" uuid,
        "question_opened_at" timestamptz,
        "question_closes_at" timestamptz,
        "live_version" integer NOT NULL DEFAULT 0,
        "controller_user_id" uuid,
        "controller_client_id" varchar(100),
        "started_at" timestamptz,
        "ended_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meetings" PRIMARY KEY ("id"),
        CONSTRAINT "uq_meetings_join_code" UNIQUE ("join_code"),
        CONSTRAINT "ck_meetings_kind" CHECK ("kind" IN ('in_room', 'stream', 'both')),
        CONSTRAINT "ck_meetings_phase" CHECK (
          "phase" IN ('before', 'waiting', 'question_open', 'question_closed', 'results', 'scoreboard', 'after')
        ),
        CONSTRAINT "ck_meetings_live_version" CHECK ("live_version" >= 0),
        CONSTRAINT "fk_meetings_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meetings_controller_user" FOREIGN KEY ("controller_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE INDEX "ix_meetings_workspace_created" ON "meetings" ("workspace_id", "created_at")`,
    );
    // Overlays following "the live meeting" look for the workspace's latest started one.
    await q.query(
      `CREATE INDEX "ix_meetings_workspace_started" ON "meetings" ("workspace_id", "started_at")`,
    );
    // Deferred so that a reorder may pass through duplicate positions inside its transaction.
    await q.query(`
      CREATE TABLE "meeting_questions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "type" varchar(16) NOT NULL,
        "title" varchar(300) NOT NULL,
        "config" jsonb NOT NULL,
        "opened_at" timestamptz,
        "closed_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meeting_questions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_meeting_questions_position" UNIQUE ("meeting_id", "position") DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT "ck_meeting_questions_type" CHECK ("type" IN ('slide', 'poll', 'quiz', 'wordcloud', 'rating', 'qa')),
        CONSTRAINT "ck_meeting_questions_position" CHECK ("position" >= 0),
        CONSTRAINT "fk_meeting_questions_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_current_question"
        FOREIGN KEY ("current_question_id") REFERENCES "meeting_questions" ("id") ON DELETE SET NULL`);
    await q.query(`
      CREATE TABLE "attendees" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "nickname" varchar(32) NOT NULL,
        "nickname_key" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_attendees" PRIMARY KEY ("id"),
        CONSTRAINT "uq_attendees_meeting_nickname_key" UNIQUE ("meeting_id", "nickname_key"),
        CONSTRAINT "fk_attendees_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "answers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "question_id" uuid NOT NULL,
        "attendee_id" uuid NOT NULL,
        "payload" jsonb NOT NULL,
        "correct" boolean,
        "points" integer NOT NULL DEFAULT 0,
        "answered_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_answers" PRIMARY KEY ("id"),
        CONSTRAINT "uq_answers_question_attendee" UNIQUE ("question_id", "attendee_id"),
        CONSTRAINT "fk_answers_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_answers_question" FOREIGN KEY ("question_id") REFERENCES "meeting_questions" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_answers_attendee" FOREIGN KEY ("attendee_id") REFERENCES "attendees" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_answers_meeting" ON "answers" ("meeting_id")`);
    await q.query(`CREATE INDEX "ix_answers_attendee" ON "answers" ("attendee_id")`);
    await q.query(`
      CREATE TABLE "qa_entries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "question_id" uuid NOT NULL,
        "attendee_id" uuid NOT NULL,
        "text" varchar(280) NOT NULL,
        "pinned" boolean NOT NULL DEFAULT false,
        "answered" boolean NOT NULL DEFAULT false,
        "hidden" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_qa_entries" PRIMARY KEY ("id"),
        CONSTRAINT "fk_qa_entries_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_qa_entries_question" FOREIGN KEY ("question_id") REFERENCES "meeting_questions" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_qa_entries_attendee" FOREIGN KEY ("attendee_id") REFERENCES "attendees" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_qa_entries_question" ON "qa_entries" ("question_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_qa_entries_meeting" ON "qa_entries" ("meeting_id")`);
    await q.query(`CREATE INDEX "ix_qa_entries_attendee" ON "qa_entries" ("attendee_id")`);
    await q.query(`
      CREATE TABLE "qa_upvotes" (
        "entry_id" uuid NOT NULL,
        "attendee_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_qa_upvotes" PRIMARY KEY ("entry_id", "attendee_id"),
        CONSTRAINT "fk_qa_upvotes_entry" FOREIGN KEY ("entry_id") REFERENCES "qa_entries" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_qa_upvotes_attendee" FOREIGN KEY ("attendee_id") REFERENCES "attendees" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_qa_upvotes_attendee" ON "qa_upvotes" ("attendee_id")`);
    await q.query(`
      CREATE TABLE "flags" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "meeting_id" uuid,
        "name" varchar(80) NOT NULL,
        "code" varchar(40) NOT NULL,
        "points" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_flags" PRIMARY KEY ("id"),
        CONSTRAINT "uq_flags_workspace_code" UNIQUE ("workspace_id", "code"),
        CONSTRAINT "ck_flags_points" CHECK ("points" > 0),
        CONSTRAINT "fk_flags_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_flags_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_flags_meeting" ON "flags" ("meeting_id")`);
    await q.query(`
      CREATE TABLE "flag_captures" (
        "flag_id" uuid NOT NULL,
        "attendee_id" uuid NOT NULL,
        "meeting_id" uuid NOT NULL,
        "points" integer NOT NULL,
        "captured_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_flag_captures" PRIMARY KEY ("flag_id", "attendee_id"),
        CONSTRAINT "fk_flag_captures_flag" FOREIGN KEY ("flag_id") REFERENCES "flags" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_flag_captures_attendee" FOREIGN KEY ("attendee_id") REFERENCES "attendees" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_flag_captures_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_flag_captures_meeting" ON "flag_captures" ("meeting_id")`);
    await q.query(`CREATE INDEX "ix_flag_captures_attendee" ON "flag_captures" ("attendee_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_current_question"`);
    for (const table of [
      'flag_captures',
      'flags',
      'qa_upvotes',
      'qa_entries',
      'answers',
      'attendees',
      'meeting_questions',
      'meetings',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
