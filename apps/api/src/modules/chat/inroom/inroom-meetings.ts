import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../database/transaction';

/** What the in-room chat needs to know of meetings and attendees, read straight from their tables. */
@Injectable()
export class InroomMeetings {
  constructor(private readonly tx: TransactionRunner) {}

  /** Meetings between start and end: the ones whose attendees are in the room now. */
  async runningIn(workspaceId: string): Promise<string[]> {
    const rows = (await this.tx.none.query(
      `SELECT "id" FROM "meetings" WHERE "workspace_id" = $1 AND "phase" NOT IN ('before', 'after')`,
      [workspaceId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  async attendee(meetingId: string, attendeeId: string): Promise<{ nickname: string } | null> {
    const rows = (await this.tx.none.query(
      `SELECT "nickname" FROM "attendees" WHERE "id" = $1 AND "meeting_id" = $2`,
      [attendeeId, meetingId],
    )) as { nickname: string }[];
    return rows[0] ?? null;
  }
}
