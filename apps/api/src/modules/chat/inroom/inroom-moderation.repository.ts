import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

/** The in-room chat's moderation: lines hidden from attendees, and attendees silenced for a while. */
@Injectable()
export class InroomModerationRepository {
  /** True when this call hid the line (false: it was hidden already). */
  async hide(tx: Tx, eventId: string, workspaceId: string, meetingId: string): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO "inroom_hidden_messages" ("event_id", "workspace_id", "meeting_id") VALUES ($1, $2, $3)
       ON CONFLICT ("event_id") DO NOTHING RETURNING "event_id"`,
      [eventId, workspaceId, meetingId],
    )) as unknown[];
    return rows.length === 1;
  }

  async hiddenIn(tx: Tx, meetingId: string): Promise<Set<string>> {
    const rows = (await tx.query(`SELECT "event_id" FROM "inroom_hidden_messages" WHERE "meeting_id" = $1`, [
      meetingId,
    ])) as { event_id: string }[];
    return new Set(rows.map((row) => row.event_id));
  }

  /** Silences until `until` (null: for good); a longer silence already in place is kept. */
  async silence(tx: Tx, attendeeId: string, workspaceId: string, until: Date | null): Promise<void> {
    await tx.query(
      `INSERT INTO "inroom_silenced_attendees" ("attendee_id", "workspace_id", "until") VALUES ($1, $2, $3)
       ON CONFLICT ("attendee_id") DO UPDATE SET "until" = CASE
         WHEN "inroom_silenced_attendees"."until" IS NULL OR EXCLUDED."until" IS NULL THEN NULL
         ELSE greatest("inroom_silenced_attendees"."until", EXCLUDED."until") END`,
      [attendeeId, workspaceId, until],
    );
  }

  /** The silence in force now, if any: `until` null means for good. */
  async silenceOf(tx: Tx, attendeeId: string): Promise<{ until: Date | null } | null> {
    const rows = (await tx.query(
      `SELECT "until" FROM "inroom_silenced_attendees"
       WHERE "attendee_id" = $1 AND ("until" IS NULL OR "until" > now())`,
      [attendeeId],
    )) as { until: Date | null }[];
    const row = rows[0];
    return row ? { until: row.until ? new Date(row.until) : null } : null;
  }
}
