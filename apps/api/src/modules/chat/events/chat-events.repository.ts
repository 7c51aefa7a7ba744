import { Injectable } from '@nestjs/common';
import type { ChatEvent, ChatEventKind, Platform } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

/** Handlers get this long before another process may retry the same event. */
const CLAIM_SECONDS = 60;
/** After this many failed attempts an event is left for a person to look at (last_error). */
export const MAX_ATTEMPTS = 8;

@Injectable()
export class ChatEventsRepository {
  /**
   * Records events unless their (connection, external id) is known, in one statement; returns the
   * ids of those that were new. A second copy within the same list is skipped like a known one.
   */
  async insertMany(tx: Tx, events: readonly ChatEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const params: unknown[] = [];
    const rows = events.map((event) => {
      const at = params.length;
      params.push(
        event.id,
        event.workspaceId,
        event.connectionId,
        event.platform,
        event.externalId,
        event.kind,
        event.viewerId ?? null,
        event.meetingId ?? null,
        JSON.stringify(event),
        event.occurredAt,
        event.receivedAt,
      );
      const p = (i: number) => `$${at + i}`;
      return `(${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}::uuid, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}::uuid, ${p(8)}::uuid,
        ${p(9)}::jsonb, ${p(10)}::timestamptz, ${p(11)}::timestamptz)`;
    });
    const inserted = (await tx.query(
      `INSERT INTO "chat_events" ("id", "workspace_id", "connection_id", "platform", "external_id", "kind",
         "viewer_id", "meeting_id", "payload", "occurred_at", "received_at")
       VALUES ${rows.join(', ')}
       ON CONFLICT ("connection_id", "external_id") DO NOTHING
       RETURNING "id"`,
      params,
    )) as { id: string }[];
    return new Set(inserted.map((row) => row.id));
  }

  /**
   * Takes the unprocessed events among `ids` for this process to handle, in one statement; returns
   * them in the order of `ids`. A claim expires, so an event whose process died mid-handling is
   * picked up again; a claimed one is not handled twice at once. Rows another process is claiming
   * right now are skipped (it has them), so two overlapping claims never wait on each other.
   */
  async claimMany(tx: Tx, ids: readonly string[]): Promise<ChatEvent[]> {
    if (ids.length === 0) return [];
    const rows = (await tx.query(
      `UPDATE "chat_events" SET "claimed_until" = now() + make_interval(secs => $2), "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT "id" FROM "chat_events"
         WHERE "id" = ANY($1::uuid[]) AND "processed_at" IS NULL AND ("claimed_until" IS NULL OR "claimed_until" < now())
         FOR UPDATE SKIP LOCKED)
       RETURNING "id", "payload", "viewer_id"`,
      [ids, CLAIM_SECONDS],
    )) as [{ id: string; payload: ChatEvent; viewer_id: string | null }[], number];
    const byId = new Map(rows[0].map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      // A merge may have moved the event to another viewer since it was recorded.
      return row ? [{ ...row.payload, ...(row.viewer_id ? { viewerId: row.viewer_id } : {}) }] : [];
    });
  }

  async markProcessed(tx: Tx, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `UPDATE "chat_events" SET "processed_at" = now(), "claimed_until" = NULL, "last_error" = NULL
       WHERE "id" = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Leaves the event for the retry sweep, after a back-off that grows with its attempts. */
  async markFailed(tx: Tx, id: string, error: string): Promise<void> {
    await tx.query(
      `UPDATE "chat_events" SET "last_error" = $2,
         "claimed_until" = now() + make_interval(secs => least(300, 2 ^ "attempts"))
       WHERE "id" = $1`,
      [id, error.slice(0, 1000)],
    );
  }

  /** Events that are due a (re)try: never handled (a crash after the ack) or failed and backed off. */
  async dueForRetry(tx: Tx, olderThanSeconds: number, limit: number): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT "id" FROM "chat_events"
       WHERE "processed_at" IS NULL AND "attempts" < $3
         AND ("claimed_until" IS NULL OR "claimed_until" < now())
         AND "received_at" < now() - make_interval(secs => $1)
       ORDER BY "received_at" LIMIT $2`,
      [olderThanSeconds, limit, MAX_ATTEMPTS],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

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

/** A connection's events over a stream's span, as a report reads them. */
export interface StreamEventStats {
  chatMessages: number;
  uniqueChatters: number;
  follows: number;
  subscriptions: number;
  giftedSubscriptions: number;
  bits: number;
  raids: number;
  raidViewers: number;
  /** One entry per donation event; null when it carried no amount. */
  donations: ({ amount: string; currency: string } | null)[];
  messagesPerMinute: { minute: Date; messages: number }[];
}
