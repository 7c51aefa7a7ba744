import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform connections, the recorded chat events, viewers and the outgoing message outbox. */
export class Chat1763856000000 implements MigrationInterface {
  name = 'Chat1763856000000';

  async up(q: QueryRunner): Promise<void> {
    // Credentials are AES-GCM ciphertext; `state` is what an adapter keeps between runs
    // (EventSub subscriptions, YouTube live chat id and page token, quota spent).
    await q.query(`
      CREATE TABLE "platform_connections" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "platform" varchar(16) NOT NULL,
        "account_id" varchar(300) NOT NULL,
        "account_name" varchar(300),
        "bot_account_id" varchar(100),
        "bot_account_name" varchar(300),
        "status" varchar(24) NOT NULL DEFAULT 'connecting',
        "status_detail" varchar(500),
        "credentials" text,
        "bot_credentials" text,
        "state" jsonb NOT NULL DEFAULT '{}',
        "webhook_key" varchar(64),
        "last_event_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_platform_connections" PRIMARY KEY ("id"),
        CONSTRAINT "uq_platform_connections_account" UNIQUE ("workspace_id", "platform", "account_id"),
        CONSTRAINT "uq_platform_connections_webhook_key" UNIQUE ("webhook_key"),
        CONSTRAINT "ck_platform_connections_platform" CHECK ("platform" IN ('twitch', 'youtube', 'owncast', 'inroom')),
        CONSTRAINT "ck_platform_connections_status" CHECK (
          "status" IN ('connected', 'connecting', 'needs_attention', 'disconnected')
        ),
        CONSTRAINT "fk_platform_connections_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_platform_connections_platform" ON "platform_connections" ("platform")`);

    await q.query(`
      CREATE TABLE "viewers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "platform" varchar(16) NOT NULL,
        "platform_user_id" varchar(200) NOT NULL,
        "login" varchar(200),
        "display_name" varchar(200) NOT NULL,
        "roles" text[] NOT NULL DEFAULT '{}',
        "merged_into_id" uuid,
        "first_seen_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_viewers" PRIMARY KEY ("id"),
        CONSTRAINT "uq_viewers_identity" UNIQUE ("workspace_id", "platform", "platform_user_id"),
        CONSTRAINT "ck_viewers_not_self_merged" CHECK ("merged_into_id" IS NULL OR "merged_into_id" <> "id"),
        CONSTRAINT "fk_viewers_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_viewers_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "viewers" ("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "ix_viewers_merged_into" ON "viewers" ("merged_into_id")`);
    await q.query(
      `CREATE INDEX "ix_viewers_workspace_name" ON "viewers" ("workspace_id", lower("display_name"))`,
    );

    // The unique key is what makes a redelivered webhook or a replayed poll page a no-op.
    // `processed_at` stays null until every handler succeeded: a sweep retries the rest.
    await q.query(`
      CREATE TABLE "chat_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "workspace_id" uuid NOT NULL,
        "connection_id" uuid NOT NULL,
        "platform" varchar(16) NOT NULL,
        "external_id" varchar(300) NOT NULL,
        "kind" varchar(24) NOT NULL,
        "viewer_id" uuid,
        "meeting_id" uuid,
        "payload" jsonb NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "processed_at" timestamptz,
        "claimed_until" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" varchar(1000),
        CONSTRAINT "pk_chat_events" PRIMARY KEY ("id"),
        CONSTRAINT "uq_chat_events_external" UNIQUE ("connection_id", "external_id"),
        CONSTRAINT "fk_chat_events_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_chat_events_connection" FOREIGN KEY ("connection_id") REFERENCES "platform_connections" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_chat_events_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "ix_chat_events_workspace_seq" ON "chat_events" ("workspace_id", "seq")`);
    await q.query(`CREATE INDEX "ix_chat_events_viewer" ON "chat_events" ("viewer_id")`);
    await q.query(`CREATE INDEX "ix_chat_events_meeting" ON "chat_events" ("meeting_id", "seq")`);
    await q.query(
      `CREATE INDEX "ix_chat_events_unprocessed" ON "chat_events" ("received_at") WHERE "processed_at" IS NULL`,
    );

    await q.query(`
      CREATE TABLE "chat_outbox" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "workspace_id" uuid NOT NULL,
        "connection_id" uuid NOT NULL,
        "text" varchar(2000) NOT NULL,
        "meeting_id" uuid,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "detail" varchar(500),
        "attempts" integer NOT NULL DEFAULT 0,
        "not_before" timestamptz NOT NULL DEFAULT now(),
        "claimed_until" timestamptz,
        "attempted_at" timestamptz,
        "external_id" varchar(300),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        CONSTRAINT "pk_chat_outbox" PRIMARY KEY ("id"),
        CONSTRAINT "ck_chat_outbox_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'dropped', 'failed')),
        CONSTRAINT "fk_chat_outbox_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_chat_outbox_connection" FOREIGN KEY ("connection_id") REFERENCES "platform_connections" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_chat_outbox_due" ON "chat_outbox" ("connection_id", "seq") WHERE "status" IN ('pending', 'sending')`,
    );
    // The rate window counts what a connection attempted recently, whoever attempted it.
    await q.query(
      `CREATE INDEX "ix_chat_outbox_attempted" ON "chat_outbox" ("connection_id", "attempted_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "chat_outbox"`);
    await q.query(`DROP TABLE "chat_events"`);
    await q.query(`DROP TABLE "viewers"`);
    await q.query(`DROP TABLE "platform_connections"`);
  }
}
