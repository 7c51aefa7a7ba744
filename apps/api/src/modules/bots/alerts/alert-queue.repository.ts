import { Injectable } from '@nestjs/common';
import type { AlertDto, AlertKind, MediaContentType } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

interface RawAlertRow {
  id: string;
  workspace_id: string;
  kind: AlertKind;
  text: string;
  media_id: string | null;
  media_content_type: MediaContentType | null;
  sound_media_id: string | null;
  duration_ms: number;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
}

const SELECT = `
  SELECT a."id", a."workspace_id", a."kind", a."text", a."media_id", m."content_type" AS "media_content_type",
         a."sound_media_id", a."duration_ms", a."starts_at", a."ends_at", a."created_at"
  FROM "bot_alerts" a LEFT JOIN "media" m ON m."id" = a."media_id"`;

function toDto(raw: RawAlertRow): AlertDto {
  return {
    id: raw.id,
    workspaceId: raw.workspace_id,
    kind: raw.kind,
    text: raw.text,
    mediaId: raw.media_id,
    mediaContentType: raw.media_content_type,
    soundMediaId: raw.sound_media_id,
    durationMs: Number(raw.duration_ms),
    startsAt: new Date(raw.starts_at).toISOString(),
    endsAt: new Date(raw.ends_at).toISOString(),
    createdAt: new Date(raw.created_at).toISOString(),
  };
}

export interface NewAlertRow {
  workspaceId: string;
  kind: AlertKind;
  text: string;
  mediaId: string | null;
  soundMediaId: string | null;
  durationMs: number;
  startsAt: Date;
  endsAt: Date;
}

/** The alert queue: one row per alert with its slot. */
@Injectable()
export class AlertQueueRepository {
  /**
   * Serializes enqueues of one workspace until the transaction ends (across replicas too), so two
   * alerts never read the same "last end".
   */
  async lockWorkspace(tx: Tx, workspaceId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('bot_alerts:' || $1::text, 0))`, [
      workspaceId,
    ]);
  }

  async lastEndsAt(tx: Tx, workspaceId: string): Promise<Date | null> {
    const rows = (await tx.query(
      `SELECT max("ends_at") AS "last" FROM "bot_alerts" WHERE "workspace_id" = $1`,
      [workspaceId],
    )) as { last: Date | null }[];
    return rows[0]?.last ? new Date(rows[0].last) : null;
  }

  async insert(tx: Tx, alert: NewAlertRow): Promise<AlertDto> {
    const rows = (await tx.query(
      `WITH inserted AS (
         INSERT INTO "bot_alerts" ("workspace_id", "kind", "text", "media_id", "sound_media_id", "duration_ms", "starts_at", "ends_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *
       )
       SELECT a."id", a."workspace_id", a."kind", a."text", a."media_id", m."content_type" AS "media_content_type",
              a."sound_media_id", a."duration_ms", a."starts_at", a."ends_at", a."created_at"
       FROM inserted a LEFT JOIN "media" m ON m."id" = a."media_id"`,
      [
        alert.workspaceId,
        alert.kind,
        alert.text,
        alert.mediaId,
        alert.soundMediaId,
        alert.durationMs,
        alert.startsAt,
        alert.endsAt,
      ],
    )) as RawAlertRow[];
    const [row] = rows;
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toDto(row);
  }

  /** Alerts not yet ended at `now`, in play order. */
  async pending(tx: Tx, workspaceId: string, now: Date): Promise<AlertDto[]> {
    const rows = (await tx.query(
      `${SELECT} WHERE a."workspace_id" = $1 AND a."ends_at" > $2 ORDER BY a."starts_at", a."id" LIMIT 200`,
      [workspaceId, now],
    )) as RawAlertRow[];
    return rows.map(toDto);
  }

  /** Keeps the table small: alerts long played are of no use. */
  async purgeEndedBefore(tx: Tx, workspaceId: string, before: Date): Promise<void> {
    await tx.query(`DELETE FROM "bot_alerts" WHERE "workspace_id" = $1 AND "ends_at" < $2`, [
      workspaceId,
      before,
    ]);
  }

  /** Media ids of the workspace with their kinds, for checking what an alert refers to. */
  async mediaKinds(tx: Tx, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await tx.query(
      `SELECT "id", "kind" FROM "media" WHERE "workspace_id" = $1 AND "id" = ANY($2::uuid[])`,
      [workspaceId, ids],
    )) as { id: string; kind: string }[];
    return new Map(rows.map((row) => [row.id, row.kind]));
  }
}
