import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

/** What a question transition posts in chat. */
export type ChatPostKind = 'opened' | 'closed';

/** Chat posts of meeting transitions, claimed once per (meeting, live version, kind) across replicas. */
@Injectable()
export class ChatPostsRepository {
  /** True when this call claimed the post; false when another process (or a replay) already did. */
  async claim(
    tx: Tx,
    workspaceId: string,
    meetingId: string,
    version: number,
    kind: ChatPostKind,
  ): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO "meeting_chat_posts" ("workspace_id", "meeting_id", "live_version", "kind")
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING "meeting_id"`,
      [workspaceId, meetingId, version, kind],
    )) as unknown[];
    return rows.length === 1;
  }
}
