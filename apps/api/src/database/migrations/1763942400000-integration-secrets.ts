import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Install-wide secrets an integration generates once and every replica must share (the Twitch
 * EventSub webhook secret when TWITCH_EVENTSUB_SECRET is not set). Values are sealed (AES-GCM).
 */
export class IntegrationSecrets1763942400000 implements MigrationInterface {
  name = 'IntegrationSecrets1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "integration_secrets" (
        "name" varchar(100) NOT NULL,
        "value" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_integration_secrets" PRIMARY KEY ("name")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "integration_secrets"`);
  }
}
