import { Injectable } from '@nestjs/common';
import type { ChatEvent, ChatEventKind, Platform, StreamReportTotalsDto } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

/**
 * Reads of the recorded chat events: the merged log, a meeting's recent lines, message counts,
 * what the chat knows about a viewer, and streams' starts, ends and numbers for reports.
 */
@Injectable()
export class ChatHistoryRepository {
  /** A page of the merged log, newest last; `before` pages back from an event. */
  async log(
    tx: Tx,
    workspaceId: string,
    filter: { platform?: Platform; kind?: ChatEventKind; before?: string; limit: number },
  ): Promise<ChatEvent[]> {
    const rows = (await tx.query(
      `SELECT "payload", "viewer_id" FROM "chat_events"
       WHERE "workspace_id" = $1
         AND ($2::varchar IS NULL OR "platform" = $2)
         AND ($3::varchar IS NULL OR "kind" = $3)
         AND ($4::uuid IS NULL OR "seq" < (SELECT "seq" FROM "chat_events" WHERE "id" = $4))
       ORDER BY "seq" DESC LIMIT $5`,
      [workspaceId, filter.platform ?? null, filter.kind ?? null, filter.before ?? null, filter.limit],
    )) as { payload: ChatEvent; viewer_id: string | null }[];
    return rows
      .reverse()
      .map((row) => ({ ...row.payload, ...(row.viewer_id ? { viewerId: row.viewer_id } : {}) }));
  }

  /** A meeting's recent in-room lines, oldest first. */
  async recentForMeeting(tx: Tx, meetingId: string, limit: number): Promise<ChatEvent[]> {
    const rows = (await tx.query(
      `SELECT "payload" FROM "chat_events" WHERE "meeting_id" = $1 AND "kind" = 'message'
       ORDER BY "seq" DESC LIMIT $2`,
      [meetingId, limit],
    )) as { payload: ChatEvent }[];
    return rows.reverse().map((row) => row.payload);
  }

  /**
   * Viewers' chat messages since `since` (on these connections, or all of the workspace's), not
   * counting what Podium itself said and a platform echoed back.
   */
  async countMessagesSince(
    tx: Tx,
    workspaceId: string,
    since: Date,
    connectionIds: readonly string[] | null,
  ): Promise<number> {
    const rows = (await tx.query(
      `SELECT count(*)::int AS "count" FROM "chat_events" e
       WHERE e."workspace_id" = $1 AND e."kind" = 'message' AND e."received_at" > $2
         AND ($3::uuid[] IS NULL OR e."connection_id" = ANY($3::uuid[]))
         AND coalesce(e."payload"->'detail'->>'isBot', 'false') <> 'true'
         AND NOT EXISTS (
           SELECT 1 FROM "chat_outbox" o
           WHERE o."connection_id" = e."connection_id" AND o."text" = e."payload"->>'text'
             AND o."created_at" > $2::timestamptz - interval '2 minutes'
         )`,
      [workspaceId, since, connectionIds && connectionIds.length > 0 ? connectionIds : null],
    )) as { count: number }[];
    return rows[0]?.count ?? 0;
  }

  /** When the workspace's latest stream started (any connection), or null if none ever did. Redeem limits read this. */
  async latestStreamStart(tx: Tx, workspaceId: string): Promise<Date | null> {
    const rows = (await tx.query(
      `SELECT "occurred_at" FROM "chat_events" WHERE "workspace_id" = $1 AND "kind" = 'stream_online'
       ORDER BY "seq" DESC LIMIT 1`,
      [workspaceId],
    )) as { occurred_at: Date }[];
    return rows[0]?.occurred_at ?? null;
  }

  /**
   * What the chat knows about a viewer (and every identity merged into it), for reward eligibility:
   * their roles as last seen, whether a follow or subscription was recorded, and whether Owncast
   * said they were signed in.
   */
  async viewerFacts(
    tx: Tx,
    workspaceId: string,
    viewerId: string,
  ): Promise<{ roles: string[]; followed: boolean; subscribed: boolean; owncastAuthenticated: boolean }> {
    const [row] = (await tx.query(
      `WITH "ids" AS (
         SELECT "id" FROM "viewers" WHERE "workspace_id" = $1 AND ("id" = $2 OR "merged_into_id" = $2))
       SELECT
         COALESCE((SELECT array_agg(DISTINCT r) FROM "viewers" v, unnest(v."roles") r
                   WHERE v."id" IN (SELECT "id" FROM "ids")), '{}') AS "roles",
         EXISTS (SELECT 1 FROM "chat_events" e WHERE e."workspace_id" = $1
                 AND e."viewer_id" IN (SELECT "id" FROM "ids") AND e."kind" = 'follow') AS "followed",
         EXISTS (SELECT 1 FROM "chat_events" e WHERE e."workspace_id" = $1
                 AND e."viewer_id" IN (SELECT "id" FROM "ids") AND e."kind" = 'subscription') AS "subscribed",
         EXISTS (SELECT 1 FROM "chat_events" e WHERE e."workspace_id" = $1
                 AND e."viewer_id" IN (SELECT "id" FROM "ids") AND e."platform" = 'owncast'
                 AND e."payload"->'detail'->>'authenticated' = 'true') AS "owncast_authenticated"`,
      [workspaceId, viewerId],
    )) as { roles: string[]; followed: boolean; subscribed: boolean; owncast_authenticated: boolean }[];
    return {
      roles: row?.roles ?? [],
      followed: row?.followed ?? false,
      subscribed: row?.subscribed ?? false,
      owncastAuthenticated: row?.owncast_authenticated ?? false,
    };
  }

  /**
   * The stream a `stream_offline` event ends: the same connection's latest online/offline event
   * before it, when that is a `stream_online` (two offlines in a row end nothing). Reports read this.
   */
  async streamOpenedBefore(
    tx: Tx,
    offlineEventId: string,
  ): Promise<{ onlineEventId: string; startedAt: Date; endedAt: Date } | null> {
    const rows = (await tx.query(
      `SELECT prior."id", prior."kind", prior."occurred_at" AS "started_at", off."occurred_at" AS "ended_at"
       FROM "chat_events" off
       JOIN LATERAL (
         SELECT e."id", e."kind", e."occurred_at" FROM "chat_events" e
         WHERE e."connection_id" = off."connection_id" AND e."seq" < off."seq"
           AND e."kind" IN ('stream_online', 'stream_offline')
         ORDER BY e."seq" DESC LIMIT 1
       ) prior ON true
       WHERE off."id" = $1 AND off."kind" = 'stream_offline'`,
      [offlineEventId],
    )) as { id: string; kind: string; started_at: Date; ended_at: Date }[];
    const row = rows[0];
    return row?.kind === 'stream_online'
      ? { onlineEventId: row.id, startedAt: row.started_at, endedAt: row.ended_at }
      : null;
  }

  /**
   * What happened on one connection between two times (inclusive), for a stream report: counts per
   * kind, viewers' messages per minute (Podium's own echoes and flagged bots left out), distinct
   * chatters, the numbers events carried and each donation's amount.
   */
  async streamStats(tx: Tx, connectionId: string, from: Date, to: Date): Promise<StreamEventStats> {
    const span = `e."connection_id" = $1 AND e."occurred_at" >= $2 AND e."occurred_at" <= $3`;
    const viewersLine = `e."kind" = 'message'
         AND coalesce(e."payload"->'detail'->>'isBot', 'false') <> 'true'
         AND NOT EXISTS (
           SELECT 1 FROM "chat_outbox" o
           WHERE o."connection_id" = e."connection_id" AND o."text" = e."payload"->>'text'
             AND o."created_at" > $2::timestamptz - interval '2 minutes'
         )`;
    const [totals] = (await tx.query(
      `SELECT
         count(*) FILTER (WHERE e."kind" = 'follow')::int AS "follows",
         count(*) FILTER (WHERE e."kind" = 'subscription')::int AS "subscriptions",
         coalesce(sum((e."payload"->'amounts'->>'giftCount')::int) FILTER (WHERE e."kind" = 'gift'), 0)::int AS "gifted",
         coalesce(sum((e."payload"->'amounts'->>'bits')::int) FILTER (WHERE e."kind" = 'cheer'), 0)::int AS "bits",
         count(*) FILTER (WHERE e."kind" = 'raid')::int AS "raids",
         coalesce(sum((e."payload"->'amounts'->>'raidViewers')::int) FILTER (WHERE e."kind" = 'raid'), 0)::int AS "raid_viewers"
       FROM "chat_events" e WHERE ${span}`,
      [connectionId, from, to],
    )) as {
      follows: number;
      subscriptions: number;
      gifted: number;
      bits: number;
      raids: number;
      raid_viewers: number;
    }[];
    const [chat] = (await tx.query(
      `SELECT count(*)::int AS "messages", count(DISTINCT COALESCE(v."merged_into_id", v."id"))::int AS "chatters"
       FROM "chat_events" e LEFT JOIN "viewers" v ON v."id" = e."viewer_id"
       WHERE ${span} AND ${viewersLine}`,
      [connectionId, from, to],
    )) as { messages: number; chatters: number }[];
    const perMinute = (await tx.query(
      `SELECT date_trunc('minute', e."occurred_at") AS "minute", count(*)::int AS "messages"
       FROM "chat_events" e WHERE ${span} AND ${viewersLine}
       GROUP BY 1 ORDER BY 1`,
      [connectionId, from, to],
    )) as { minute: Date; messages: number }[];
    const donations = (await tx.query(
      `SELECT e."payload"->'amounts'->'money'->>'amount' AS "amount",
              e."payload"->'amounts'->'money'->>'currency' AS "currency"
       FROM "chat_events" e WHERE ${span} AND e."kind" = 'donation'`,
      [connectionId, from, to],
    )) as { amount: string | null; currency: string | null }[];
    return {
      chatMessages: chat?.messages ?? 0,
      uniqueChatters: chat?.chatters ?? 0,
      follows: totals?.follows ?? 0,
      subscriptions: totals?.subscriptions ?? 0,
      giftedSubscriptions: totals?.gifted ?? 0,
      bits: totals?.bits ?? 0,
      raids: totals?.raids ?? 0,
      raidViewers: totals?.raid_viewers ?? 0,
      donations: donations.map((row) =>
        row.amount && row.currency ? { amount: row.amount, currency: row.currency } : null,
      ),
      messagesPerMinute: perMinute,
    };
  }

  /** Connections of the workspace whose latest stream online/offline event says online. */
  async liveConnectionIds(tx: Tx, workspaceId: string): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT DISTINCT ON ("connection_id") "connection_id", "kind" FROM "chat_events"
       WHERE "workspace_id" = $1 AND "kind" IN ('stream_online', 'stream_offline')
       ORDER BY "connection_id", "seq" DESC`,
      [workspaceId],
    )) as { connection_id: string; kind: string }[];
    return rows.filter((row) => row.kind === 'stream_online').map((row) => row.connection_id);
  }
}

/** A connection's events over a stream's span, as a report reads them (its totals' event counts). */
export type StreamEventStats = Pick<
  StreamReportTotalsDto,
  | 'chatMessages'
  | 'uniqueChatters'
  | 'follows'
  | 'subscriptions'
  | 'giftedSubscriptions'
  | 'bits'
  | 'raids'
  | 'raidViewers'
> & {
  /** One entry per donation event; null when it carried no amount. */
  donations: ({ amount: string; currency: string } | null)[];
  messagesPerMinute: { minute: Date; messages: number }[];
};
