import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: subscriptions (URL, kind, event types, sealed secret, failure count), one
 * delivery per (subscription, event id), and every HTTP attempt of a delivery (the delivery log).
 */
export class Webhooks1764201700000 implements MigrationInterface {
  name = 'Webhooks1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "webhook_subscriptions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "url" varchar(2000) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "event_types" text[] NOT NULL,
        "description" varchar(200) NOT NULL DEFAULT '',
        "secret" text NOT NULL,
        "secret_hint" varchar(8) NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "disabled_reason" varchar(16),
        "disabled_at" timestamptz,
        "consecutive_failures" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_webhook_subscriptions" PRIMARY KEY ("id"),
        CONSTRAINT "ck_webhook_subscriptions_kind" CHECK ("kind" IN ('json', 'discord')),
        CONSTRAINT "ck_webhook_subscriptions_disabled_reason" CHECK ("disabled_reason" IN ('manual', 'failures')),
        CONSTRAINT "ck_webhook_subscriptions_failures" CHECK ("consecutive_failures" >= 0),
        CONSTRAINT "fk_webhook_subscriptions_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_webhook_subscriptions_workspace" ON "webhook_subscriptions" ("workspace_id", "created_at")`,
    );
    await q.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "subscription_id" uuid NOT NULL,
        "event_id" varchar(64) NOT NULL,
        "event_type" varchar(40) NOT NULL,
        "body" text NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "auto_attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz,
        "last_status_code" integer,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz,
        CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_webhook_deliveries_event" UNIQUE ("subscription_id", "event_id"),
        CONSTRAINT "ck_webhook_deliveries_status" CHECK ("status" IN ('pending', 'succeeded', 'failed')),
        CONSTRAINT "fk_webhook_deliveries_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_webhook_deliveries_subscription" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_webhook_deliveries_workspace" ON "webhook_deliveries" ("workspace_id", "created_at" DESC, "id" DESC)`,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await q.query(`
      CREATE TABLE "webhook_attempts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "delivery_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "trigger" varchar(16) NOT NULL,
        "ok" boolean NOT NULL,
        "status_code" integer,
        "error" varchar(500),
        "duration_ms" integer NOT NULL,
        "response_excerpt" text NOT NULL DEFAULT '',
        "at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_webhook_attempts" PRIMARY KEY ("id"),
        CONSTRAINT "uq_webhook_attempts_number" UNIQUE ("delivery_id", "number"),
        CONSTRAINT "ck_webhook_attempts_trigger" CHECK ("trigger" IN ('auto', 'replay', 'test')),
        CONSTRAINT "fk_webhook_attempts_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_webhook_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook_attempts"`);
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TABLE "webhook_subscriptions"`);
  }
}
