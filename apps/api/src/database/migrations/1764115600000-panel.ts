import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The viewer panel: single-use sign-in links (`!panel`) and the sessions they open. Only digests of
 * tokens are stored; the link's token alone grants a session, the session's token alone the panel.
 */
export class Panel1764115600000 implements MigrationInterface {
  name = 'Panel1764115600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "panel_links" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "platform" varchar(16) NOT NULL,
        "display_name" varchar(200) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        CONSTRAINT "pk_panel_links" PRIMARY KEY ("id"),
        CONSTRAINT "uq_panel_links_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_panel_links_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_panel_links_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_panel_links_expires" ON "panel_links" ("expires_at")`);
    await q.query(`CREATE INDEX "ix_panel_links_viewer" ON "panel_links" ("viewer_id")`);

    await q.query(`
      CREATE TABLE "panel_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "link_id" uuid,
        "token_hash" varchar(64) NOT NULL,
        "platform" varchar(16) NOT NULL,
        "display_name" varchar(200) NOT NULL,
        "user_agent" varchar(300),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        CONSTRAINT "pk_panel_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_panel_sessions_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "uq_panel_sessions_link" UNIQUE ("link_id"),
        CONSTRAINT "fk_panel_sessions_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_panel_sessions_viewer" FOREIGN KEY ("viewer_id") REFERENCES "viewers" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_panel_sessions_link" FOREIGN KEY ("link_id") REFERENCES "panel_links" ("id") ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE INDEX "ix_panel_sessions_viewer" ON "panel_sessions" ("workspace_id", "viewer_id")`,
    );
    await q.query(`CREATE INDEX "ix_panel_sessions_expires" ON "panel_sessions" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "panel_sessions"`);
    await q.query(`DROP TABLE "panel_links"`);
  }
}
