import { Injectable } from '@nestjs/common';
import type { CommandPermission, ObsAction, Platform } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';
import { claimEffects, effectKey } from '../bot-effects.repository';

export interface BotCommandRow {
  id: string;
  workspace_id: string;
  name: string;
  aliases: string[];
  responses: string[];
  permission: CommandPermission;
  global_cooldown_seconds: number;
  user_cooldown_seconds: number;
  platforms: Platform[];
  enabled: boolean;
  use_count: number;
  /** What OBS does when it answers (jsonb, null: nothing). */
  obs_action: ObsAction | null;
  created_at: Date;
  updated_at: Date;
}

/** The writable fields, already validated. */
export interface BotCommandFields {
  name: string;
  aliases: string[];
  responses: string[];
  permission: CommandPermission;
  globalCooldownSeconds: number;
  userCooldownSeconds: number;
  platforms: Platform[];
  enabled: boolean;
  useCount?: number;
  /** Undefined keeps the current one; null removes it. */
  obsAction?: ObsAction | null;
}

const COLUMNS: Record<keyof BotCommandFields, string> = {
  name: 'name',
  aliases: 'aliases',
  responses: 'responses',
  permission: 'permission',
  globalCooldownSeconds: 'global_cooldown_seconds',
  userCooldownSeconds: 'user_cooldown_seconds',
  platforms: 'platforms',
  enabled: 'enabled',
  useCount: 'use_count',
  obsAction: 'obs_action',
};

@Injectable()
export class BotCommandsRepository {
  async list(tx: Tx, workspaceId: string): Promise<BotCommandRow[]> {
    return (await tx.query(`SELECT * FROM "bot_commands" WHERE "workspace_id" = $1 ORDER BY "name"`, [
      workspaceId,
    ])) as BotCommandRow[];
  }

  async find(tx: Tx, workspaceId: string, id: string): Promise<BotCommandRow | undefined> {
    const rows = (await tx.query(`SELECT * FROM "bot_commands" WHERE "workspace_id" = $1 AND "id" = $2`, [
      workspaceId,
      id,
    ])) as BotCommandRow[];
    return rows[0];
  }

  /** The command a name or alias calls (names are stored lower case). */
  async findByName(tx: Tx, workspaceId: string, name: string): Promise<BotCommandRow | undefined> {
    const rows = (await tx.query(
      `SELECT c.* FROM "bot_command_names" n JOIN "bot_commands" c ON c."id" = n."command_id"
       WHERE n."workspace_id" = $1 AND n."name" = $2`,
      [workspaceId, name.toLowerCase()],
    )) as BotCommandRow[];
    return rows[0];
  }

  async insert(tx: Tx, workspaceId: string, fields: BotCommandFields): Promise<BotCommandRow> {
    const rows = (await tx.query(
      `INSERT INTO "bot_commands" ("workspace_id", "name", "aliases", "responses", "permission",
         "global_cooldown_seconds", "user_cooldown_seconds", "platforms", "enabled", "obs_action")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        workspaceId,
        fields.name,
        fields.aliases,
        fields.responses,
        fields.permission,
        fields.globalCooldownSeconds,
        fields.userCooldownSeconds,
        fields.platforms,
        fields.enabled,
        fields.obsAction ? JSON.stringify(fields.obsAction) : null,
      ],
    )) as BotCommandRow[];
    return rows[0] as BotCommandRow;
  }

  async update(tx: Tx, id: string, fields: Partial<BotCommandFields>): Promise<BotCommandRow> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [key, column] of Object.entries(COLUMNS) as [keyof BotCommandFields, string][]) {
      if (fields[key] === undefined) continue;
      values.push(fields[key]);
      sets.push(`"${column}" = $${values.length}`);
    }
    const rows = (await tx.query(
      `UPDATE "bot_commands" SET ${[...sets, `"updated_at" = now()`].join(', ')} WHERE "id" = $1 RETURNING *`,
      values,
    )) as [BotCommandRow[], number];
    return rows[0][0] as BotCommandRow;
  }

  async delete(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
    const rows = (await tx.query(
      `DELETE FROM "bot_commands" WHERE "workspace_id" = $1 AND "id" = $2 RETURNING "id"`,
      [workspaceId, id],
    )) as [unknown[], number];
    return rows[1] > 0;
  }

  /** Names (and aliases) of other commands that `names` would clash with. */
  async namesTaken(tx: Tx, workspaceId: string, names: string[], exceptId: string | null): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT "name" FROM "bot_command_names"
       WHERE "workspace_id" = $1 AND "name" = ANY($2) AND ($3::uuid IS NULL OR "command_id" <> $3::uuid)`,
      [workspaceId, names, exceptId],
    )) as { name: string }[];
    return rows.map((row) => row.name);
  }

  /**
   * Replaces the names a command answers to. False when another command took one meanwhile (the
   * caller throws, rolling the transaction back).
   */
  async replaceNames(tx: Tx, workspaceId: string, commandId: string, names: string[]): Promise<boolean> {
    await tx.query(`DELETE FROM "bot_command_names" WHERE "command_id" = $1`, [commandId]);
    const rows = (await tx.query(
      `INSERT INTO "bot_command_names" ("workspace_id", "name", "command_id")
       SELECT $1, unnest($2::varchar[]), $3 ON CONFLICT DO NOTHING RETURNING "name"`,
      [workspaceId, names, commandId],
    )) as unknown[];
    return rows.length === names.length;
  }

  /**
   * Counts one answer of event `eventId` unless `effect` was already recorded for it (a retry), in
   * one statement: the effect and the count commit together. Returns the count either way.
   */
  async countUseOnce(tx: Tx, id: string, eventId: string, effect: string): Promise<number> {
    const rows = (await tx.query(
      `WITH "claimed" AS (
         INSERT INTO "bot_event_effects" ("event_id", "effect") VALUES ($2, $3)
         ON CONFLICT DO NOTHING RETURNING "event_id"
       ), "counted" AS (
         UPDATE "bot_commands" SET "use_count" = "use_count" + 1
         WHERE "id" = $1 AND EXISTS (SELECT 1 FROM "claimed") RETURNING "use_count"
       )
       SELECT "use_count" FROM "counted"
       UNION ALL
       SELECT "use_count" FROM "bot_commands" WHERE "id" = $1 AND NOT EXISTS (SELECT 1 FROM "claimed")`,
      [id, eventId, effect.slice(0, 200)],
    )) as { use_count: number }[];
    return rows[0]?.use_count ?? 0;
  }

  /**
   * Many answers' counts (a batch's), as countUseOnce counts one: each counted unless its effect
   * was already recorded, the effects and the counts committing together, in one statement.
   */
  async countUses(tx: Tx, uses: readonly CommandUse[]): Promise<void> {
    const byKey = new Map(uses.map((use) => [effectKey(use.eventId, use.effect), use.commandId]));
    if (byKey.size === 0) return;
    await tx.query(
      `WITH "claimed" AS (${claimEffects('$2::text[]')})
       UPDATE "bot_commands" c SET "use_count" = c."use_count" + n."uses"
       FROM (SELECT i."command_id", count(*)::int AS "uses"
             FROM unnest($1::uuid[], $2::text[]) AS i("command_id", "key")
             JOIN "claimed" USING ("key") GROUP BY i."command_id") n
       WHERE c."id" = n."command_id"`,
      [[...byKey.values()], [...byKey.keys()]],
    );
  }
}

/** One answer of a command to count (see countUses). */
export interface CommandUse {
  commandId: string;
  eventId: string;
  effect: string;
}
