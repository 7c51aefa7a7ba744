import { Injectable } from '@nestjs/common';
import type { ModerationAction, ModerationRule, Platform } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

export interface ModerationSettingsRow {
  settings: unknown;
  updated_at: Date;
}

export interface ModerationLogRow {
  id: string;
  workspace_id: string;
  event_id: string | null;
  connection_id: string;
  platform: Platform;
  viewer_id: string | null;
  viewer_display_name: string;
  message_text: string;
  rule: ModerationRule;
  rule_detail: string;
  action: ModerationAction;
  outcome: 'done' | 'failed' | 'not_supported';
  outcome_detail: string | null;
  created_at: Date;
}

export type NewModerationLogEntry = Omit<ModerationLogRow, 'id' | 'created_at'>;

const LOG_COLUMNS = `"id", "workspace_id", "event_id", "connection_id", "platform", "viewer_id",
  "viewer_display_name", "message_text", "rule", "rule_detail", "action", "outcome", "outcome_detail", "created_at"`;

@Injectable()
export class ModerationRepository {
  async settings(tx: Tx, workspaceId: string): Promise<ModerationSettingsRow | null> {
    const rows = (await tx.query(
      `SELECT "settings", "updated_at" FROM "bot_moderation_settings" WHERE "workspace_id" = $1`,
      [workspaceId],
    )) as ModerationSettingsRow[];
    return rows[0] ?? null;
  }

  async saveSettings(tx: Tx, workspaceId: string, settings: unknown): Promise<ModerationSettingsRow> {
    const rows = (await tx.query(
      `INSERT INTO "bot_moderation_settings" ("workspace_id", "settings", "updated_at") VALUES ($1, $2::jsonb, now())
       ON CONFLICT ("workspace_id") DO UPDATE SET "settings" = EXCLUDED."settings", "updated_at" = now()
       RETURNING "settings", "updated_at"`,
      [workspaceId, JSON.stringify(settings)],
    )) as ModerationSettingsRow[];
    const row = rows[0];
    if (!row) throw new Error('saving moderation settings returned no row');
    return row;
  }

  /** One entry per chat event: null when the event was logged already. */
  async log(tx: Tx, entry: NewModerationLogEntry): Promise<ModerationLogRow | null> {
    const rows = (await tx.query(
      `INSERT INTO "bot_moderation_log" ("workspace_id", "event_id", "connection_id", "platform", "viewer_id",
         "viewer_display_name", "message_text", "rule", "rule_detail", "action", "outcome", "outcome_detail")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)
       ON CONFLICT ("event_id") DO NOTHING
       RETURNING ${LOG_COLUMNS}`,
      [
        entry.workspace_id,
        entry.event_id,
        entry.connection_id,
        entry.platform,
        entry.viewer_id,
        entry.viewer_display_name.slice(0, 200),
        entry.message_text,
        entry.rule,
        entry.rule_detail.slice(0, 300),
        JSON.stringify(entry.action),
        entry.outcome,
        entry.outcome_detail?.slice(0, 1000) ?? null,
      ],
    )) as ModerationLogRow[];
    return rows[0] ?? null;
  }

  /** Newest first; `before` pages back from an entry. */
  async page(
    tx: Tx,
    workspaceId: string,
    before: string | undefined,
    limit: number,
  ): Promise<ModerationLogRow[]> {
    return (await tx.query(
      `SELECT ${LOG_COLUMNS} FROM "bot_moderation_log"
       WHERE "workspace_id" = $1
         AND ($2::uuid IS NULL OR "seq" < (SELECT "seq" FROM "bot_moderation_log" WHERE "id" = $2 AND "workspace_id" = $1))
       ORDER BY "seq" DESC LIMIT $3`,
      [workspaceId, before ?? null, limit],
    )) as ModerationLogRow[];
  }
}
