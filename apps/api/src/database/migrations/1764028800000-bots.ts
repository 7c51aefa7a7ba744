import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The bots' shared bookkeeping: side effects done per chat event, so a retry does them once. */
export class Bots1764028800000 implements MigrationInterface {
  name = 'Bots1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "bot_event_effects" (
        "event_id" uuid NOT NULL,
        "effect" varchar(200) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bot_event_effects" PRIMARY KEY ("event_id", "effect"),
        CONSTRAINT "fk_bot_event_effects_event" FOREIGN KEY ("event_id") REFERENCES "chat_events" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "bot_event_effects"`);
  }
}
