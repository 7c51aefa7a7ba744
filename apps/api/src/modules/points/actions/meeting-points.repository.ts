import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

export interface PendingConversion {
  meetingId: string;
  workspaceId: string;
}

/** Meetings that ended and are owed (or were given) their points conversion. */
@Injectable()
export class MeetingPointsRepository {
  /** Records that the meeting ended; a second end (or a retry) changes nothing. */
  async markEnded(tx: Tx, meetingId: string, workspaceId: string): Promise<void> {
    await tx.query(
      `INSERT INTO "points_meeting_conversions" ("meeting_id", "workspace_id") VALUES ($1, $2)
       ON CONFLICT ("meeting_id") DO NOTHING`,
      [meetingId, workspaceId],
    );
  }

  /** The meeting's conversion if it is still owed (no lock: a quick look before the transaction). */
  async owed(tx: Tx, meetingId: string): Promise<PendingConversion | null> {
    const [row] = (await tx.query(
      `SELECT "meeting_id" AS "meetingId", "workspace_id" AS "workspaceId" FROM "points_meeting_conversions"
        WHERE "meeting_id" = $1 AND "converted_at" IS NULL`,
      [meetingId],
    )) as PendingConversion[];
    return row ?? null;
  }

  /** Locks the meeting's conversion if it is still owed: a concurrent converter waits, then finds it done. */
  async claim(tx: Tx, meetingId: string): Promise<PendingConversion | null> {
    const [row] = (await tx.query(
      `SELECT "meeting_id" AS "meetingId", "workspace_id" AS "workspaceId" FROM "points_meeting_conversions"
        WHERE "meeting_id" = $1 AND "converted_at" IS NULL FOR UPDATE`,
      [meetingId],
    )) as PendingConversion[];
    return row ?? null;
  }

  async markConverted(tx: Tx, meetingId: string, creditedViewers: number): Promise<void> {
    await tx.query(
      `UPDATE "points_meeting_conversions" SET "converted_at" = now(), "credited_viewers" = $2 WHERE "meeting_id" = $1`,
      [meetingId, creditedViewers],
    );
  }

  /** Conversions still owed a while after the meeting ended (the end's own handler failed or died). */
  async overdue(tx: Tx, olderThanMs: number, limit: number): Promise<PendingConversion[]> {
    return (await tx.query(
      `SELECT "meeting_id" AS "meetingId", "workspace_id" AS "workspaceId" FROM "points_meeting_conversions"
        WHERE "converted_at" IS NULL AND "ended_at" < now() - ($1::int * interval '1 millisecond')
        ORDER BY "ended_at" LIMIT $2`,
      [olderThanMs, limit],
    )) as PendingConversion[];
  }
}
