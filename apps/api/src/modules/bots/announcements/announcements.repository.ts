import { Injectable } from '@nestjs/common';
import type { AnnouncementDto } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

export interface AnnouncementRow {
  id: string;
  workspace_id: string;
  name: string;
  messages: string[];
  next_message_index: number;
  interval_minutes: number;
  live_only: boolean;
  min_chat_messages: number;
  connection_ids: string[];
  enabled: boolean;
  last_posted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface AnnouncementFields {
  name: string;
  messages: string[];
  intervalMinutes: number;
  liveOnly: boolean;
  minChatMessages: number;
  connectionIds: string[];
  enabled: boolean;
}

const COLUMNS: Record<keyof AnnouncementFields, string> = {
  name: 'name',
  messages: 'messages',
  intervalMinutes: 'interval_minutes',
  liveOnly: 'live_only',
  minChatMessages: 'min_chat_messages',
  connectionIds: 'connection_ids',
  enabled: 'enabled',
};

export function toAnnouncementDto(row: AnnouncementRow): AnnouncementDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    messages: row.messages,
    nextMessageIndex: row.next_message_index,
    intervalMinutes: row.interval_minutes,
    liveOnly: row.live_only,
    minChatMessages: row.min_chat_messages,
    connectionIds: row.connection_ids,
    enabled: row.enabled,
    lastPostedAt: row.last_posted_at ? row.last_posted_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class AnnouncementsRepository {
  async list(tx: Tx, workspaceId: string): Promise<AnnouncementRow[]> {
    return (await tx.query(
      `SELECT * FROM "bot_announcements" WHERE "workspace_id" = $1 ORDER BY "created_at", "id"`,
      [workspaceId],
    )) as AnnouncementRow[];
  }

  async find(tx: Tx, workspaceId: string, id: string): Promise<AnnouncementRow | null> {
    const rows = (await tx.query(
      `SELECT * FROM "bot_announcements" WHERE "id" = $1 AND "workspace_id" = $2`,
      [id, workspaceId],
    )) as AnnouncementRow[];
    return rows[0] ?? null;
  }

  async insert(tx: Tx, workspaceId: string, fields: AnnouncementFields): Promise<AnnouncementRow> {
    const rows = (await tx.query(
      `INSERT INTO "bot_announcements" ("workspace_id", "name", "messages", "interval_minutes", "live_only",
         "min_chat_messages", "connection_ids", "enabled")
       VALUES ($1, $2, $3::text[], $4, $5, $6, $7::uuid[], $8) RETURNING *`,
      [
        workspaceId,
        fields.name,
        fields.messages,
        fields.intervalMinutes,
        fields.liveOnly,
        fields.minChatMessages,
        fields.connectionIds,
        fields.enabled,
      ],
    )) as AnnouncementRow[];
    return rows[0] as AnnouncementRow;
  }

  /** Changes the given fields; null when there is no such announcement in the workspace. */
  async update(
    tx: Tx,
    workspaceId: string,
    id: string,
    patch: Partial<AnnouncementFields>,
  ): Promise<AnnouncementRow | null> {
    const sets: string[] = [];
    const params: unknown[] = [id, workspaceId];
    for (const key of Object.keys(COLUMNS) as (keyof AnnouncementFields)[]) {
      if (patch[key] === undefined) continue;
      params.push(patch[key]);
      const cast = key === 'messages' ? '::text[]' : key === 'connectionIds' ? '::uuid[]' : '';
      sets.push(`"${COLUMNS[key]}" = $${params.length}${cast}`);
    }
    // A shorter rotation must not point past its end.
    if (patch.messages) sets.push(`"next_message_index" = "next_message_index" % cardinality("messages")`);
    const rows = (await tx.query(
      `UPDATE "bot_announcements" SET ${[...sets, `"updated_at" = now()`].join(', ')}
       WHERE "id" = $1 AND "workspace_id" = $2 RETURNING *`,
      params,
    )) as [AnnouncementRow[], number];
    return rows[0]?.[0] ?? null;
  }

  async remove(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
    const rows = (await tx.query(
      `DELETE FROM "bot_announcements" WHERE "id" = $1 AND "workspace_id" = $2 RETURNING "id"`,
      [id, workspaceId],
    )) as [unknown[], number];
    return (rows[0]?.length ?? 0) > 0;
  }

  /** The row locked until the transaction ends (a manual trigger rotates it). */
  async findForUpdate(tx: Tx, workspaceId: string, id: string): Promise<AnnouncementRow | null> {
    const rows = (await tx.query(
      `SELECT * FROM "bot_announcements" WHERE "id" = $1 AND "workspace_id" = $2 FOR UPDATE`,
      [id, workspaceId],
    )) as AnnouncementRow[];
    return rows[0] ?? null;
  }

  /** A post made now (a manual trigger): the rotation moves on and the period starts again. */
  async markPosted(tx: Tx, id: string, nextIndex: number): Promise<void> {
    await tx.query(
      `UPDATE "bot_announcements" SET "last_posted_at" = now(), "next_message_index" = $2 WHERE "id" = $1`,
      [id, nextIndex],
    );
  }

  /** Enabled announcements whose period has run out (`minuteMs` is the length of a minute). */
  async due(tx: Tx, minuteMs: number, limit: number): Promise<AnnouncementRow[]> {
    return (await tx.query(
      `SELECT * FROM "bot_announcements"
       WHERE "enabled" AND coalesce("last_posted_at", "created_at")
         <= now() - make_interval(secs => "interval_minutes" * $1 / 1000.0)
       ORDER BY coalesce("last_posted_at", "created_at") LIMIT $2`,
      [minuteMs, limit],
    )) as AnnouncementRow[];
  }

  /**
   * Claims this period's post: only one caller (whatever the replica) sees a row come back, and
   * only while the period is still due. The rotation moves on in the same statement.
   */
  async claim(tx: Tx, id: string, minuteMs: number, nextIndex: number): Promise<AnnouncementRow | null> {
    const rows = (await tx.query(
      `UPDATE "bot_announcements" SET "last_posted_at" = now(), "next_message_index" = $3
       WHERE "id" = $1 AND "enabled" AND coalesce("last_posted_at", "created_at")
         <= now() - make_interval(secs => "interval_minutes" * $2 / 1000.0)
       RETURNING *`,
      [id, minuteMs, nextIndex],
    )) as [AnnouncementRow[], number];
    return rows[0]?.[0] ?? null;
  }
}
