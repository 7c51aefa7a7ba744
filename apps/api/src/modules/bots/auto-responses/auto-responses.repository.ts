import { Injectable } from '@nestjs/common';
import type { AutoResponseMatchMode, Platform } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

export interface AutoResponseRow {
  id: string;
  workspace_id: string;
  match_mode: AutoResponseMatchMode;
  terms: string[];
  responses: string[];
  global_cooldown_seconds: number;
  user_cooldown_seconds: number;
  platforms: Platform[];
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface AutoResponseFields {
  matchMode: AutoResponseMatchMode;
  terms: string[];
  responses: string[];
  globalCooldownSeconds: number;
  userCooldownSeconds: number;
  platforms: Platform[];
  enabled: boolean;
}

const COLUMNS: Record<keyof AutoResponseFields, string> = {
  matchMode: 'match_mode',
  terms: 'terms',
  responses: 'responses',
  globalCooldownSeconds: 'global_cooldown_seconds',
  userCooldownSeconds: 'user_cooldown_seconds',
  platforms: 'platforms',
  enabled: 'enabled',
};

@Injectable()
export class AutoResponsesRepository {
  /** Oldest first: when several match, the oldest answers. */
  async list(tx: Tx, workspaceId: string, onlyEnabled = false): Promise<AutoResponseRow[]> {
    return (await tx.query(
      `SELECT * FROM "bot_auto_responses" WHERE "workspace_id" = $1 AND ($2 = false OR "enabled")
       ORDER BY "created_at", "id"`,
      [workspaceId, onlyEnabled],
    )) as AutoResponseRow[];
  }

  async find(tx: Tx, workspaceId: string, id: string): Promise<AutoResponseRow | undefined> {
    const rows = (await tx.query(
      `SELECT * FROM "bot_auto_responses" WHERE "workspace_id" = $1 AND "id" = $2`,
      [workspaceId, id],
    )) as AutoResponseRow[];
    return rows[0];
  }

  async insert(tx: Tx, workspaceId: string, fields: AutoResponseFields): Promise<AutoResponseRow> {
    const rows = (await tx.query(
      `INSERT INTO "bot_auto_responses" ("workspace_id", "match_mode", "terms", "responses",
         "global_cooldown_seconds", "user_cooldown_seconds", "platforms", "enabled")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        workspaceId,
        fields.matchMode,
        fields.terms,
        fields.responses,
        fields.globalCooldownSeconds,
        fields.userCooldownSeconds,
        fields.platforms,
        fields.enabled,
      ],
    )) as AutoResponseRow[];
    return rows[0] as AutoResponseRow;
  }

  /** Undefined when there is no such auto-response in the workspace. */
  async update(
    tx: Tx,
    workspaceId: string,
    id: string,
    fields: Partial<AutoResponseFields>,
  ): Promise<AutoResponseRow | undefined> {
    const sets: string[] = [];
    const values: unknown[] = [workspaceId, id];
    for (const [key, column] of Object.entries(COLUMNS) as [keyof AutoResponseFields, string][]) {
      if (fields[key] === undefined) continue;
      values.push(fields[key]);
      sets.push(`"${column}" = $${values.length}`);
    }
    const rows = (await tx.query(
      `UPDATE "bot_auto_responses" SET ${[...sets, `"updated_at" = now()`].join(', ')}
       WHERE "workspace_id" = $1 AND "id" = $2 RETURNING *`,
      values,
    )) as [AutoResponseRow[], number];
    return rows[0][0];
  }

  async delete(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
    const rows = (await tx.query(
      `DELETE FROM "bot_auto_responses" WHERE "workspace_id" = $1 AND "id" = $2 RETURNING "id"`,
      [workspaceId, id],
    )) as [unknown[], number];
    return rows[1] > 0;
  }
}
