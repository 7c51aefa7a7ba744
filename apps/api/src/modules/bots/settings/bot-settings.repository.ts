import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

export interface BotSettingsRow {
  workspace_id: string;
  prefix: string;
  updated_at: Date;
}

/** A workspace's bot settings; a workspace without a row uses the defaults. */
@Injectable()
export class BotSettingsRepository {
  async find(tx: Tx, workspaceId: string): Promise<BotSettingsRow | undefined> {
    const rows = (await tx.query(`SELECT * FROM "bot_settings" WHERE "workspace_id" = $1`, [
      workspaceId,
    ])) as BotSettingsRow[];
    return rows[0];
  }

  async upsert(tx: Tx, workspaceId: string, prefix: string): Promise<BotSettingsRow> {
    const rows = (await tx.query(
      `INSERT INTO "bot_settings" ("workspace_id", "prefix") VALUES ($1, $2)
       ON CONFLICT ("workspace_id") DO UPDATE SET "prefix" = EXCLUDED."prefix", "updated_at" = now()
       RETURNING *`,
      [workspaceId, prefix],
    )) as BotSettingsRow[];
    return rows[0] as BotSettingsRow;
  }

  async workspaceExists(tx: Tx, workspaceId: string): Promise<boolean> {
    const rows = (await tx.query(`SELECT 1 FROM "workspaces" WHERE "id" = $1`, [workspaceId])) as unknown[];
    return rows.length === 1;
  }
}
