import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Watch points leave the ledger for a compact table: a cycle paying 100,000 viewers wrote 100,000
 * ledger rows, each with three foreign-key checks and three index entries, and moved every balance
 * in the leaderboard index. Now a cycle is one `points_cycles` row (its key, its points, and a
 * position `seq` drawn from the ledger's own sequence so history interleaves) plus one narrow
 * `points_cycle_payouts` row per payee (viewer, cycle position, balance after) under one index that
 * also serves the viewer's history. History, sums and reports read both tables.
 *
 * The payouts have no foreign keys (one check per row was most of the cost); a trigger deletes a
 * viewer's payouts with the viewer (a workspace's viewers go with the workspace), once per statement.
 * Balances drop their leaderboard index so a cycle's update stays on its page (HOT; fillfactor 50 leaves room for
 * a new version of every row a cycle moves):
 * the leaderboard sorts a workspace's balances instead.
 */
export class PointsCyclePayouts1764202100000 implements MigrationInterface {
  name = 'PointsCyclePayouts1764202100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "points_cycles" ADD COLUMN "seq" bigint`);
    await q.query(
      `ALTER TABLE "points_cycles" ADD CONSTRAINT "uq_points_cycles_seq" UNIQUE ("workspace_id", "seq")`,
    );
    await q.query(`
      CREATE TABLE "points_cycle_payouts" (
        "workspace_id" uuid NOT NULL,
        "viewer_id" uuid NOT NULL,
        "cycle_seq" bigint NOT NULL,
        "balance_after" bigint NOT NULL,
        CONSTRAINT "pk_points_cycle_payouts" PRIMARY KEY ("workspace_id", "viewer_id", "cycle_seq")
      )`);
    await q.query(`
      CREATE FUNCTION "points_cycle_payouts_forget_viewers"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM "points_cycle_payouts" p USING "gone" g
        WHERE p."workspace_id" = g."workspace_id" AND p."viewer_id" = g."id";
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "trg_viewers_forget_cycle_payouts" AFTER DELETE ON "viewers"
      REFERENCING OLD TABLE AS "gone" FOR EACH STATEMENT
      EXECUTE FUNCTION "points_cycle_payouts_forget_viewers"()`);
    await q.query(`DROP INDEX "ix_points_balances_leaderboard"`);
    await q.query(`ALTER TABLE "points_balances" SET (fillfactor = 50)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Payouts go back to one ledger row each, so balances still equal their history.
    await q.query(`
      INSERT INTO "points_ledger" ("workspace_id", "viewer_id", "amount", "reason", "source_key", "balance_after", "created_at")
      SELECT p."workspace_id", p."viewer_id", c."points", 'watch',
             'cycle:' || to_char(c."cycle_start" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ':' || p."viewer_id",
             p."balance_after", c."created_at"
      FROM "points_cycle_payouts" p
      JOIN "points_cycles" c ON c."workspace_id" = p."workspace_id" AND c."seq" = p."cycle_seq"
      ORDER BY p."cycle_seq", p."viewer_id"`);
    await q.query(`ALTER TABLE "points_balances" RESET (fillfactor)`);
    await q.query(
      `CREATE INDEX "ix_points_balances_leaderboard" ON "points_balances" ("workspace_id", "balance" DESC)`,
    );
    await q.query(`DROP TRIGGER "trg_viewers_forget_cycle_payouts" ON "viewers"`);
    await q.query(`DROP FUNCTION "points_cycle_payouts_forget_viewers"()`);
    await q.query(`DROP TABLE "points_cycle_payouts"`);
    await q.query(`ALTER TABLE "points_cycles" DROP CONSTRAINT "uq_points_cycles_seq"`);
    await q.query(`ALTER TABLE "points_cycles" DROP COLUMN "seq"`);
  }
}
