import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OBS actions on bot commands (`{action:'switch_scene',scene}` or `{action:'save_replay'}`, validated
 * by the contract). Rewards keep theirs in their existing `config` jsonb, so they need no column.
 */
export class ObsActions1764202000000 implements MigrationInterface {
  name = 'ObsActions1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "bot_commands" ADD COLUMN "obs_action" jsonb`);
    await q.query(`
      ALTER TABLE "bot_commands" ADD CONSTRAINT "ck_bot_commands_obs_action"
        CHECK ("obs_action" IS NULL OR "obs_action"->>'action' IN ('switch_scene', 'save_replay'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "bot_commands" DROP CONSTRAINT "ck_bot_commands_obs_action"`);
    await q.query(`ALTER TABLE "bot_commands" DROP COLUMN "obs_action"`);
  }
}
