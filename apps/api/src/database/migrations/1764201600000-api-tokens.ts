import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public API: workspace tokens (only a SHA-256 of the secret is kept) and the Idempotency-Key
 * records of mutating v1 calls (claimed before the call runs, completed with its response).
 */
export class ApiTokens1764201600000 implements MigrationInterface {
  name = 'ApiTokens1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "api_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" varchar(80) NOT NULL,
        "scopes" text[] NOT NULL,
        "token_hash" char(64) NOT NULL,
        "prefix" varchar(16) NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz,
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "pk_api_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "uq_api_tokens_hash" UNIQUE ("token_hash"),
        CONSTRAINT "ck_api_tokens_scopes" CHECK (cardinality("scopes") > 0),
        CONSTRAINT "fk_api_tokens_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_api_tokens_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "ix_api_tokens_workspace" ON "api_tokens" ("workspace_id", "created_at")`);
    await q.query(`
      CREATE TABLE "api_idempotency_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "token_id" uuid NOT NULL,
        "key" varchar(200) NOT NULL,
        "request_hash" char(64) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "response_status" integer,
        "response_body" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz,
        CONSTRAINT "pk_api_idempotency_keys" PRIMARY KEY ("id"),
        CONSTRAINT "uq_api_idempotency_keys_token_key" UNIQUE ("token_id", "key"),
        CONSTRAINT "ck_api_idempotency_keys_status" CHECK ("status" IN ('pending', 'completed')),
        CONSTRAINT "fk_api_idempotency_keys_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_api_idempotency_keys_token" FOREIGN KEY ("token_id") REFERENCES "api_tokens" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_api_idempotency_keys_created" ON "api_idempotency_keys" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "api_idempotency_keys"`);
    await q.query(`DROP TABLE "api_tokens"`);
  }
}
