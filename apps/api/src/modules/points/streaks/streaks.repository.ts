import { Injectable } from '@nestjs/common';
import type { StreakState } from '@podium/points';
import type { Tx } from '../../../database/transaction';

/** A stream of the workspace: numbered in order, open while `endedAt` is null. */
export interface StreamRow {
  id: string;
  seq: number;
  startedAt: Date;
  endedAt: Date | null;
}

export interface StoredStreak extends StreakState {
  lastStreamAt: Date | null;
}

interface StreakRow {
  current: number;
  best: number;
  streams_attended: number;
  last_stream_seq: number | null;
  last_stream_at: Date | null;
}

const STREAM_COLUMNS = `"id", "seq", "started_at" AS "startedAt", "ended_at" AS "endedAt"`;

/** Streams, attendance and streaks (`points_stream_sources`, `points_streams`, `points_stream_attendance`, `points_streaks`). */
@Injectable()
export class StreaksRepository {
  /** Serializes stream starts and ends of one workspace until the transaction ends. */
  async lockWorkspace(tx: Tx, workspaceId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('points.streams:' || $1::text, 0))`, [
      workspaceId,
    ]);
  }

  /**
   * Records that a source went live or offline at `at`; false when a later change of that source
   * was already recorded (a retried or late event changes nothing).
   */
  async setSource(tx: Tx, workspaceId: string, source: string, live: boolean, at: Date): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO "points_stream_sources" ("workspace_id", "source", "live", "changed_at") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("workspace_id", "source") DO UPDATE SET "live" = EXCLUDED."live", "changed_at" = EXCLUDED."changed_at"
         WHERE "points_stream_sources"."changed_at" <= EXCLUDED."changed_at"
       RETURNING "source"`,
      [workspaceId, source, live, at],
    )) as unknown[];
    return rows.length > 0;
  }

  async liveSources(tx: Tx, workspaceId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS "n" FROM "points_stream_sources" WHERE "workspace_id" = $1 AND "live"`,
      [workspaceId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  async openStream(tx: Tx, workspaceId: string): Promise<StreamRow | null> {
    const [row] = (await tx.query(
      `SELECT ${STREAM_COLUMNS} FROM "points_streams" WHERE "workspace_id" = $1 AND "ended_at" IS NULL`,
      [workspaceId],
    )) as StreamRow[];
    return row ?? null;
  }

  /** The workspace's most recent stream, open or not. */
  async latestStream(tx: Tx, workspaceId: string): Promise<StreamRow | null> {
    const [row] = (await tx.query(
      `SELECT ${STREAM_COLUMNS} FROM "points_streams" WHERE "workspace_id" = $1 ORDER BY "seq" DESC LIMIT 1`,
      [workspaceId],
    )) as StreamRow[];
    return row ?? null;
  }

  /** Opens the next stream (under `lockWorkspace`). */
  async startStream(tx: Tx, workspaceId: string, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO "points_streams" ("workspace_id", "seq", "started_at")
       SELECT $1, coalesce(max("seq"), 0) + 1, $2 FROM "points_streams" WHERE "workspace_id" = $1`,
      [workspaceId, at],
    );
  }

  async endStream(tx: Tx, streamId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE "points_streams" SET "ended_at" = greatest("started_at", $2) WHERE "id" = $1`, [
      streamId,
      at,
    ]);
  }

  /** True the first time the viewer is seen in this stream. */
  async attend(tx: Tx, stream: StreamRow, workspaceId: string, viewerId: string): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO "points_stream_attendance" ("stream_id", "viewer_id", "workspace_id") VALUES ($1, $2, $3)
       ON CONFLICT ("stream_id", "viewer_id") DO NOTHING RETURNING "stream_id"`,
      [stream.id, viewerId, workspaceId],
    )) as unknown[];
    return rows.length > 0;
  }

  async attended(tx: Tx, streamId: string, viewerId: string): Promise<boolean> {
    const rows = (await tx.query(
      `SELECT 1 FROM "points_stream_attendance" WHERE "stream_id" = $1 AND "viewer_id" = $2`,
      [streamId, viewerId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** The viewer's streak, locked for the transaction (created empty the first time). */
  async lockStreak(tx: Tx, workspaceId: string, viewerId: string): Promise<StoredStreak> {
    await tx.query(
      `INSERT INTO "points_streaks" ("workspace_id", "viewer_id") VALUES ($1, $2)
       ON CONFLICT ("workspace_id", "viewer_id") DO NOTHING`,
      [workspaceId, viewerId],
    );
    const [row] = (await tx.query(
      `SELECT "current", "best", "streams_attended", "last_stream_seq", "last_stream_at" FROM "points_streaks"
        WHERE "workspace_id" = $1 AND "viewer_id" = $2 FOR UPDATE`,
      [workspaceId, viewerId],
    )) as StreakRow[];
    if (!row) throw new Error(`streak row of viewer ${viewerId} vanished`);
    return toStreak(row);
  }

  async findStreak(tx: Tx, workspaceId: string, viewerId: string): Promise<StoredStreak | null> {
    const [row] = (await tx.query(
      `SELECT "current", "best", "streams_attended", "last_stream_seq", "last_stream_at" FROM "points_streaks"
        WHERE "workspace_id" = $1 AND "viewer_id" = $2`,
      [workspaceId, viewerId],
    )) as StreakRow[];
    return row ? toStreak(row) : null;
  }

  async saveStreak(tx: Tx, workspaceId: string, viewerId: string, streak: StoredStreak): Promise<void> {
    await tx.query(
      `UPDATE "points_streaks" SET "current" = $3, "best" = $4, "streams_attended" = $5, "last_stream_seq" = $6,
              "last_stream_at" = $7, "updated_at" = now()
        WHERE "workspace_id" = $1 AND "viewer_id" = $2`,
      [
        workspaceId,
        viewerId,
        streak.current,
        streak.best,
        streak.streamsAttended,
        streak.lastStreamSeq,
        streak.lastStreamAt,
      ],
    );
  }

  /**
   * Moves the source identity's attendance to the target (a stream both attended counts once) and
   * drops the source's streak; returns the stream numbers the target has now attended.
   */
  async mergeAttendance(tx: Tx, workspaceId: string, sourceId: string, targetId: string): Promise<number[]> {
    await tx.query(
      `INSERT INTO "points_stream_attendance" ("stream_id", "viewer_id", "workspace_id", "attended_at")
       SELECT "stream_id", $3, "workspace_id", "attended_at" FROM "points_stream_attendance"
        WHERE "workspace_id" = $1 AND "viewer_id" = $2
       ON CONFLICT ("stream_id", "viewer_id") DO NOTHING`,
      [workspaceId, sourceId, targetId],
    );
    await tx.query(`DELETE FROM "points_stream_attendance" WHERE "workspace_id" = $1 AND "viewer_id" = $2`, [
      workspaceId,
      sourceId,
    ]);
    await tx.query(`DELETE FROM "points_streaks" WHERE "workspace_id" = $1 AND "viewer_id" = $2`, [
      workspaceId,
      sourceId,
    ]);
    const rows = (await tx.query(
      `SELECT s."seq" FROM "points_stream_attendance" a JOIN "points_streams" s ON s."id" = a."stream_id"
        WHERE a."workspace_id" = $1 AND a."viewer_id" = $2`,
      [workspaceId, targetId],
    )) as { seq: number }[];
    return rows.map((row) => row.seq);
  }

  /** When the stream numbered `seq` started (for the display), null if there is none. */
  async streamStart(tx: Tx, workspaceId: string, seq: number | null): Promise<Date | null> {
    if (seq === null) return null;
    const [row] = (await tx.query(
      `SELECT "started_at" AS "startedAt" FROM "points_streams" WHERE "workspace_id" = $1 AND "seq" = $2`,
      [workspaceId, seq],
    )) as { startedAt: Date }[];
    return row?.startedAt ?? null;
  }
}

function toStreak(row: StreakRow): StoredStreak {
  return {
    current: row.current,
    best: row.best,
    streamsAttended: row.streams_attended,
    lastStreamSeq: row.last_stream_seq,
    lastStreamAt: row.last_stream_at,
  };
}
