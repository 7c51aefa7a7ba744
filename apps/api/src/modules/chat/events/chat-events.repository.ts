import { Injectable } from '@nestjs/common';
import type { ChatEvent } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';
import type { ViewerUpsert } from '../viewers/viewers.repository';

/** Handlers get this long before another process may retry the same event. */
const CLAIM_SECONDS = 60;
/** After this many failed attempts an event is left for a person to look at (last_error). */
export const MAX_ATTEMPTS = 8;

/**
 * The pipeline's side of the chat events: record once, claim, mark handled or failed, find what is
 * due a retry. Reads of what was recorded (log, counts, streams) are ChatHistoryRepository's.
 */
@Injectable()
export class ChatEventsRepository {
  /**
   * Records events unless their (connection, external id) is known, in one statement; returns the
   * new ones' ids with their viewer ids. A second copy within the same list is skipped like a known
   * one. `viewers` upserts run in the same statement and give each event without a viewer id the
   * holder of its viewer's identity (one round trip for a batch of webhooks, no transaction).
   */
  async insertMany(
    tx: Tx,
    events: readonly ChatEvent[],
    viewers: readonly ViewerUpsert[] = [],
  ): Promise<Map<string, string | null>> {
    if (events.length === 0) return new Map();
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const seen = viewers.map((upsert, i) => `"seen${i}" AS (${upsert(p)})`);
    const rows = events.map(
      (event, i) =>
        `(${i}, ${p(event.id)}::uuid, ${p(event.workspaceId)}::uuid, ${p(event.connectionId)}::uuid,
          ${p(event.platform)}::text, ${p(event.externalId)}::text, ${p(event.kind)}::text,
          ${p(event.viewerId ?? null)}::uuid, ${p(event.viewer?.platform ?? null)}::text,
          ${p(event.viewer?.platformUserId ?? null)}::text, ${p(event.meetingId ?? null)}::uuid,
          ${p(JSON.stringify(event))}::jsonb, ${p(event.occurredAt)}::timestamptz, ${p(event.receivedAt)}::timestamptz)`,
    );
    const viewerId = viewers.length > 0 ? `COALESCE(i."viewer_id", s."holder_id")` : `i."viewer_id"`;
    const join =
      viewers.length > 0
        ? `LEFT JOIN (${viewers.map((_, i) => `SELECT * FROM "seen${i}"`).join(' UNION ALL ')}) s
             ON s."workspace_id" = i."workspace_id" AND s."platform" = i."viewer_platform"
            AND s."platform_user_id" = i."viewer_user_id"`
        : '';
    const inserted = (await tx.query(
      `WITH ${[
        ...seen,
        `"input" AS (SELECT * FROM (VALUES ${rows.join(', ')}) AS v("ord", "id", "workspace_id",
         "connection_id", "platform", "external_id", "kind", "viewer_id", "viewer_platform", "viewer_user_id",
         "meeting_id", "payload", "occurred_at", "received_at"))`,
      ].join(', ')}
       INSERT INTO "chat_events" ("id", "workspace_id", "connection_id", "platform", "external_id", "kind",
         "viewer_id", "meeting_id", "payload", "occurred_at", "received_at")
       SELECT i."id", i."workspace_id", i."connection_id", i."platform", i."external_id", i."kind", ${viewerId},
         i."meeting_id", CASE WHEN ${viewerId} IS NULL THEN i."payload"
           ELSE i."payload" || jsonb_build_object('viewerId', ${viewerId}) END,
         i."occurred_at", i."received_at"
       FROM "input" i ${join}
       ORDER BY i."ord"
       ON CONFLICT ("connection_id", "external_id") DO NOTHING
       RETURNING "id", "viewer_id"`,
      params,
    )) as { id: string; viewer_id: string | null }[];
    return new Map(inserted.map((row) => [row.id, row.viewer_id]));
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
}
