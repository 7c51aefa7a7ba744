import { Injectable } from '@nestjs/common';
import type { RevolutionBotDto } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

export interface RevolutionRow {
  id: string;
  workspace_id: string;
  name: string;
  trigger: string;
  threshold: number;
  window_seconds: number;
  cooldown_seconds: number;
  message: string;
  media_id: string | null;
  sound_media_id: string | null;
  alert_duration_ms: number;
  enabled: boolean;
  show_on_overlay: boolean;
  fired_at: Date | null;
  cooldown_until: Date | null;
  /** The chat event whose hit made it fire: a retry of that event finishes the fire's effects. */
  fired_by_event_id: string | null;
  fired_count: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface RevolutionFields {
  name: string;
  trigger: string;
  threshold: number;
  windowSeconds: number;
  cooldownSeconds: number;
  message: string;
  mediaId: string | null;
  soundMediaId: string | null;
  alertDurationMs: number;
  enabled: boolean;
  showOnOverlay: boolean;
}

const COLUMNS: Record<keyof RevolutionFields, string> = {
  name: 'name',
  trigger: 'trigger',
  threshold: 'threshold',
  windowSeconds: 'window_seconds',
  cooldownSeconds: 'cooldown_seconds',
  message: 'message',
  mediaId: 'media_id',
  soundMediaId: 'sound_media_id',
  alertDurationMs: 'alert_duration_ms',
  enabled: 'enabled',
  showOnOverlay: 'show_on_overlay',
};
const FIELDS = Object.keys(COLUMNS) as (keyof RevolutionFields)[];

export function toRevolutionBotDto(row: RevolutionRow): RevolutionBotDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    trigger: row.trigger,
    threshold: row.threshold,
    windowSeconds: row.window_seconds,
    cooldownSeconds: row.cooldown_seconds,
    message: row.message,
    mediaId: row.media_id,
    soundMediaId: row.sound_media_id,
    alertDurationMs: row.alert_duration_ms,
    enabled: row.enabled,
    showOnOverlay: row.show_on_overlay,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class RevolutionsRepository {
  async list(tx: Tx, workspaceId: string): Promise<RevolutionRow[]> {
    return (await tx.query(
      `SELECT * FROM "bot_revolutions" WHERE "workspace_id" = $1 ORDER BY "created_at", "id"`,
      [workspaceId],
    )) as RevolutionRow[];
  }

  async listEnabled(tx: Tx, workspaceId: string): Promise<RevolutionRow[]> {
    return (await tx.query(
      `SELECT * FROM "bot_revolutions" WHERE "workspace_id" = $1 AND "enabled" ORDER BY "created_at", "id"`,
      [workspaceId],
    )) as RevolutionRow[];
  }

  async find(tx: Tx, workspaceId: string, id: string): Promise<RevolutionRow | null> {
    const rows = (await tx.query(`SELECT * FROM "bot_revolutions" WHERE "id" = $1 AND "workspace_id" = $2`, [
      id,
      workspaceId,
    ])) as RevolutionRow[];
    return rows[0] ?? null;
  }

  /** The bot, locked until the transaction ends: hits of one bot are counted one at a time. */
  async lock(tx: Tx, id: string): Promise<RevolutionRow | null> {
    const rows = (await tx.query(`SELECT * FROM "bot_revolutions" WHERE "id" = $1 FOR UPDATE`, [
      id,
    ])) as RevolutionRow[];
    return rows[0] ?? null;
  }

  /** The database's clock now (not the transaction's start: a waiter for the lock reads a later time). */
  async clock(tx: Tx): Promise<Date> {
    const rows = (await tx.query(`SELECT clock_timestamp() AS "now"`)) as { now: Date }[];
    return (rows[0] as { now: Date }).now;
  }

  async insert(tx: Tx, workspaceId: string, fields: RevolutionFields): Promise<RevolutionRow> {
    const rows = (await tx.query(
      `INSERT INTO "bot_revolutions" ("workspace_id", ${FIELDS.map((key) => `"${COLUMNS[key]}"`).join(', ')})
       VALUES ($1, ${FIELDS.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING *`,
      [workspaceId, ...FIELDS.map((key) => fields[key])],
    )) as RevolutionRow[];
    return rows[0] as RevolutionRow;
  }

  async update(
    tx: Tx,
    workspaceId: string,
    id: string,
    patch: Partial<RevolutionFields>,
  ): Promise<RevolutionRow | null> {
    const sets: string[] = [];
    const params: unknown[] = [id, workspaceId];
    for (const key of FIELDS) {
      if (patch[key] === undefined) continue;
      params.push(patch[key]);
      sets.push(`"${COLUMNS[key]}" = $${params.length}`);
    }
    const rows = (await tx.query(
      `UPDATE "bot_revolutions" SET ${[...sets, `"updated_at" = now()`].join(', ')}
       WHERE "id" = $1 AND "workspace_id" = $2 RETURNING *`,
      params,
    )) as [RevolutionRow[], number];
    return rows[0]?.[0] ?? null;
  }

  async remove(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
    const rows = (await tx.query(
      `DELETE FROM "bot_revolutions" WHERE "id" = $1 AND "workspace_id" = $2 RETURNING "id"`,
      [id, workspaceId],
    )) as [unknown[], number];
    return (rows[0]?.length ?? 0) > 0;
  }

  /** A viewer typed the trigger at `at`: one row per viewer, holding their latest hit. */
  async recordHit(tx: Tx, revolution: RevolutionRow, viewerId: string, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO "bot_revolution_hits" ("revolution_id", "viewer_id", "workspace_id", "at")
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ("revolution_id", "viewer_id") DO UPDATE SET "at" = greatest("bot_revolution_hits"."at", EXCLUDED."at")`,
      [revolution.id, viewerId, revolution.workspace_id, at],
    );
  }

  /** Distinct viewers whose latest hit is at or after `from`, strictly after `afterFire`, not after `now`. */
  async countViewers(tx: Tx, id: string, from: Date, afterFire: Date | null, now: Date): Promise<number> {
    const rows = (await tx.query(
      `SELECT count(*)::int AS "count" FROM "bot_revolution_hits"
       WHERE "revolution_id" = $1 AND "at" >= $2 AND "at" <= $4 AND ($3::timestamptz IS NULL OR "at" > $3)`,
      [id, from, afterFire, now],
    )) as { count: number }[];
    return rows[0]?.count ?? 0;
  }

  async markFired(
    tx: Tx,
    id: string,
    fire: { firedAt: Date; cooldownUntil: Date; eventId: string; count: number },
  ): Promise<RevolutionRow> {
    const rows = (await tx.query(
      `UPDATE "bot_revolutions" SET "fired_at" = $2, "cooldown_until" = $3, "fired_by_event_id" = $4, "fired_count" = $5
       WHERE "id" = $1 RETURNING *`,
      [id, fire.firedAt, fire.cooldownUntil, fire.eventId, fire.count],
    )) as [RevolutionRow[], number];
    return rows[0]?.[0] as RevolutionRow;
  }
}
