import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Automatic backups: per workspace, whether they run, how often, how many files are kept. */
export class Backup1764201900000 implements MigrationInterface {
  name = 'Backup1764201900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "backup_schedules" (
        "workspace_id" uuid NOT NULL,
        "enabled" boolean NOT NULL DEFAULT false,
        "interval_hours" integer NOT NULL DEFAULT 1,
        "keep" integer NOT NULL DEFAULT 24,
        "last_backup_at" timestamptz,
        "last_error" varchar(500),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_backup_schedules" PRIMARY KEY ("workspace_id"),
        CONSTRAINT "ck_backup_schedules_interval" CHECK ("interval_hours" BETWEEN 1 AND 168),
        CONSTRAINT "ck_backup_schedules_keep" CHECK ("keep" BETWEEN 1 AND 500),
        CONSTRAINT "fk_backup_schedules_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_backup_schedules_due" ON "backup_schedules" ("last_backup_at") WHERE "enabled"`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "backup_schedules"`);
  }
}
