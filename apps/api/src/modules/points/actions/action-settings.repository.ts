import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

/** Each workspace's action-points document (`points_action_settings`), unparsed. */
@Injectable()
export class ActionSettingsRepository {
  async find(tx: Tx, workspaceId: string): Promise<unknown> {
    const [row] = (await tx.query(
      `SELECT "settings" FROM "points_action_settings" WHERE "workspace_id" = $1`,
      [workspaceId],
    )) as { settings: unknown }[];
    return row?.settings ?? null;
  }

  async save(tx: Tx, workspaceId: string, settings: object): Promise<void> {
    await tx.query(
      `INSERT INTO "points_action_settings" ("workspace_id", "settings") VALUES ($1, $2::jsonb)
       ON CONFLICT ("workspace_id") DO UPDATE SET "settings" = EXCLUDED."settings", "updated_at" = now()`,
      [workspaceId, JSON.stringify(settings)],
    );
  }
}
