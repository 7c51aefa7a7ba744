import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ko-fi: per-workspace settings (sealed verification token, secret webhook key, points per unit),
 * viewers' links by e-mail, and every payment recorded once by Ko-fi's transaction id.
 */
export class Kofi1764115500000 implements MigrationInterface {
  name = 'Kofi1764115500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "kofi_settings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "verification_token" text,
        "webhook_key" varchar(64) NOT NULL,
        "points_per_unit" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_kofi_settings" PRIMARY KEY ("id"),
        CONSTRAINT "uq_kofi_settings_workspace" UNIQUE ("workspace_id"),
        CONSTRAINT "uq_kofi_settings_webhook_key" UNIQUE ("webhook_key"),
        CONSTRAINT "ck_kofi_settings_points_per_unit" CHECK ("points_per_unit" >= 0),
        CONSTRAINT "fk_kofi_settings_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "kofi_links" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "email" varchar(254) NOT NULL,
        "viewer_id" uuid NOT NULL,
        "linked_by" varchar(16) NOT NULL,
        "actor_user_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_kofi_links" PRIMARY KEY ("id"),
        CONSTRAINT "uq_kofi_links_email" UNIQUE ("workspace_id", "email"),
        CONSTRAINT "ck_kofi_links_email_normalized" CHECK ("email" = lower(btrim("email"))),
        CONSTRAINT "ck_kofi_links_linked_by" CHECK ("linked_by" IN ('viewer', 'moderator')),
        CONSTRAINT "fk_kofi_links_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_kofi_links_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_kofi_links_viewer" ON "kofi_links" ("viewer_id")`);
    await q.query(`
      CREATE TABLE "kofi_payments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "transaction_id" varchar(200) NOT NULL,
        "message_id" varchar(200) NOT NULL,
        "type" varchar(16) NOT NULL,
        "from_name" varchar(200) NOT NULL,
        "message" text,
        "is_public" boolean NOT NULL,
        "amount" varchar(32) NOT NULL,
        "currency" varchar(10) NOT NULL,
        "email" varchar(254),
        "is_subscription_payment" boolean NOT NULL,
        "is_first_subscription_payment" boolean NOT NULL,
        "tier_name" varchar(200),
        "points" bigint NOT NULL,
        "status" varchar(16) NOT NULL,
        "viewer_id" uuid,
        "credited_at" timestamptz,
        "paid_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_kofi_payments" PRIMARY KEY ("id"),
        CONSTRAINT "uq_kofi_payments_transaction" UNIQUE ("workspace_id", "transaction_id"),
        CONSTRAINT "ck_kofi_payments_type" CHECK ("type" IN ('Donation', 'Subscription', 'Shop Order', 'Commission')),
        CONSTRAINT "ck_kofi_payments_status" CHECK ("status" IN ('credited', 'pending', 'none')),
        CONSTRAINT "ck_kofi_payments_points" CHECK ("points" >= 0),
        CONSTRAINT "fk_kofi_payments_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_kofi_payments_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE INDEX "ix_kofi_payments_email" ON "kofi_payments" ("workspace_id", "email") WHERE "email" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "ix_kofi_payments_received" ON "kofi_payments" ("workspace_id", "received_at")`,
    );
    await q.query(`CREATE INDEX "ix_kofi_payments_viewer" ON "kofi_payments" ("viewer_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "kofi_payments"`);
    await q.query(`DROP TABLE "kofi_links"`);
    await q.query(`DROP TABLE "kofi_settings"`);
  }
}
