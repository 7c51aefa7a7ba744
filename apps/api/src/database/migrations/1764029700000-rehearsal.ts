import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rehearsal mode: a workspace's simulated chat is a connection of platform `rehearsal`. */
export class Rehearsal1764029700000 implements MigrationInterface {
  name = 'Rehearsal1764029700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "platform_connections" DROP CONSTRAINT "ck_platform_connections_platform"`);
    await q.query(`
      ALTER TABLE "platform_connections" ADD CONSTRAINT "ck_platform_connections_platform"
        CHECK ("platform" IN ('twitch', 'youtube', 'owncast', 'inroom', 'rehearsal'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "platform_connections" WHERE "platform" = 'rehearsal'`);
    await q.query(`ALTER TABLE "platform_connections" DROP CONSTRAINT "ck_platform_connections_platform"`);
    await q.query(`
      ALTER TABLE "platform_connections" ADD CONSTRAINT "ck_platform_connections_platform"
        CHECK ("platform" IN ('twitch', 'youtube', 'owncast', 'inroom'))`);
  }
}
