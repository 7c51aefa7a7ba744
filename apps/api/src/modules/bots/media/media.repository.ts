import { Injectable } from '@nestjs/common';
import type { MediaContentType, MediaKind } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

/** A media row without its bytes. */
export interface MediaRow {
  id: string;
  workspaceId: string;
  name: string;
  contentType: MediaContentType;
  kind: MediaKind;
  size: number;
  createdAt: Date;
}

interface RawMediaRow {
  id: string;
  workspace_id: string;
  name: string;
  content_type: MediaContentType;
  kind: MediaKind;
  size: number;
  created_at: Date;
}

const COLUMNS = `"id", "workspace_id", "name", "content_type", "kind", "size", "created_at"`;

function toRow(raw: RawMediaRow): MediaRow {
  return {
    id: raw.id,
    workspaceId: raw.workspace_id,
    name: raw.name,
    contentType: raw.content_type,
    kind: raw.kind,
    size: Number(raw.size),
    createdAt: new Date(raw.created_at),
  };
}

/** Uploaded media; the bytes live in PostgreSQL so every replica (and embedded mode) serves them. */
@Injectable()
export class MediaRepository {
  async insert(tx: Tx, media: Omit<MediaRow, 'id' | 'createdAt'> & { data: Buffer }): Promise<MediaRow> {
    const rows = (await tx.query(
      `INSERT INTO "media" ("workspace_id", "name", "content_type", "kind", "size", "data")
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [media.workspaceId, media.name, media.contentType, media.kind, media.size, media.data],
    )) as RawMediaRow[];
    const [row] = rows;
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toRow(row);
  }

  async list(tx: Tx, workspaceId: string): Promise<MediaRow[]> {
    const rows = (await tx.query(
      `SELECT ${COLUMNS} FROM "media" WHERE "workspace_id" = $1 ORDER BY "created_at" DESC, "id"`,
      [workspaceId],
    )) as RawMediaRow[];
    return rows.map(toRow);
  }

  async find(tx: Tx, workspaceId: string, id: string): Promise<MediaRow | null> {
    const rows = (await tx.query(`SELECT ${COLUMNS} FROM "media" WHERE "workspace_id" = $1 AND "id" = $2`, [
      workspaceId,
      id,
    ])) as RawMediaRow[];
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The bytes and type to serve; by id alone (the uuid is the capability). */
  async content(tx: Tx, id: string): Promise<{ contentType: MediaContentType; data: Buffer } | null> {
    const rows = (await tx.query(`SELECT "content_type", "data" FROM "media" WHERE "id" = $1`, [id])) as {
      content_type: MediaContentType;
      data: Buffer;
    }[];
    return rows[0] ? { contentType: rows[0].content_type, data: rows[0].data } : null;
  }

  async delete(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
    const rows = (await tx.query(
      `DELETE FROM "media" WHERE "workspace_id" = $1 AND "id" = $2 RETURNING "id"`,
      [workspaceId, id],
    )) as unknown[];
    // TypeORM returns [rows, count] for DELETE … RETURNING on pg.
    const returned = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows;
    return returned.length > 0;
  }
}
