import { Injectable } from '@nestjs/common';
import type { OutboxMessageDto, OutboxStatus, Platform } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';
import type { OutboxLimits } from '../platform-adapter';

/** A message being sent stays claimed this long; after that (a crash) it is sent again. */
const CLAIM_SECONDS = 30;

export interface OutboxRow {
  id: string;
  workspace_id: string;
  connection_id: string;
  text: string;
  meeting_id: string | null;
  status: OutboxStatus;
  detail: string | null;
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
}

/** What the next send of a connection may do right now. */
export type ClaimResult =
  | { kind: 'send'; row: OutboxRow }
  | { kind: 'wait'; ms: number }
  | { kind: 'idle'; nextDueInMs: number | null };

/**
 * A claim a row needs, made by the statement that queues it: the row goes in only if its claim is
 * new (a reply queued once per chat event and effect: atomically, in one round trip, and for a
 * whole batch of replies in one statement).
 */
export interface OutboxClaim {
  /** What the row claims. */
  key: string;
  /** An `INSERT … ON CONFLICT DO NOTHING RETURNING … AS "key"` claiming every key of the text[] `keys`. */
  claimAll(keys: string): string;
}

export interface OutboxInsert {
  workspaceId: string;
  connectionId: string;
  text: string;
  meetingId: string | null;
  claim?: OutboxClaim;
}

@Injectable()
export class OutboxRepository {
  /**
   * One statement for all the rows (atomic on its own); returned in queue order. Rows with a claim
   * go in only where the claim is new; every claim of one call is of the same kind.
   */
  async insert(tx: Tx, rows: readonly OutboxInsert[]): Promise<OutboxRow[]> {
    if (rows.length === 0) return [];
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const claimed = rows.find((row) => row.claim)?.claim;
    const values = rows.map(
      (row, i) =>
        `(${p(row.workspaceId)}::uuid, ${p(row.connectionId)}::uuid, ${p(row.text)}::text, ${p(row.meetingId)}::uuid` +
        (claimed ? `, ${p(row.claim?.key ?? null)}::text, ${i})` : ')'),
    );
    const into = `INSERT INTO "chat_outbox" ("workspace_id", "connection_id", "text", "meeting_id")`;
    const keys = claimed ? p([...new Set(rows.flatMap((row) => (row.claim ? [row.claim.key] : [])))]) : '';
    const inserted = (await tx.query(
      claimed
        ? `WITH "claimed" AS (${claimed.claimAll(`${keys}::text[]`)})
           ${into} SELECT v."w", v."c", v."t", v."m" FROM (VALUES ${values.join(', ')}) AS v("w", "c", "t", "m", "k", "o")
           WHERE v."k" IS NULL OR v."k" IN (SELECT "key" FROM "claimed") ORDER BY v."o" RETURNING *`
        : `${into} VALUES ${values.join(', ')} RETURNING *`,
      params,
    )) as (OutboxRow & { seq: string })[];
    return inserted.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  }

  /** Whether this exact line was said on the connection lately (its echo is not a viewer's message). */
  async sentRecently(tx: Tx, connectionId: string, text: string, withinMs: number): Promise<boolean> {
    const rows = (await tx.query(
      `SELECT 1 FROM "chat_outbox" WHERE "connection_id" = $1 AND "text" = $2
         AND "status" IN ('sending', 'sent') AND "attempted_at" > now() - make_interval(secs => $3 / 1000.0)
       LIMIT 1`,
      [connectionId, text, withinMs],
    )) as unknown[];
    return rows.length > 0;
  }

  /** The lines said on the connection lately, up to `limit` of them (newest first). */
  async sentLines(tx: Tx, connectionId: string, withinMs: number, limit: number): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT "text" FROM "chat_outbox" WHERE "connection_id" = $1
         AND "status" IN ('sending', 'sent') AND "attempted_at" > now() - make_interval(secs => $2 / 1000.0)
       ORDER BY "attempted_at" DESC LIMIT $3`,
      [connectionId, withinMs, limit],
    )) as { text: string }[];
    return rows.map((row) => row.text);
  }

  /**
   * Takes the connection's oldest due message if its rate window has room. The connection row is
   * locked for the decision, so replicas draining the same connection share one window: the count of
   * messages attempted in the last `perMs` is exact, not a per-process estimate.
   */
  async claimNext(tx: Tx, connectionId: string, limits: OutboxLimits): Promise<ClaimResult> {
    await tx.query(`SELECT 1 FROM "platform_connections" WHERE "id" = $1 FOR UPDATE`, [connectionId]);
    const [window] = (await tx.query(
      `SELECT count(*)::int AS "used",
              (extract(epoch FROM (min("attempted_at") + make_interval(secs => $2 / 1000.0) - now())) * 1000)::int AS "wait_ms"
       FROM "chat_outbox" WHERE "connection_id" = $1 AND "attempted_at" > now() - make_interval(secs => $2 / 1000.0)`,
      [connectionId, limits.perMs],
    )) as { used: number; wait_ms: number | null }[];
    const due = `"connection_id" = $1 AND "not_before" <= now()
      AND ("status" = 'pending' OR ("status" = 'sending' AND "claimed_until" < now()))`;
    if (window && window.used >= limits.messages) {
      const [pending] = (await tx.query(`SELECT 1 FROM "chat_outbox" WHERE ${due} LIMIT 1`, [
        connectionId,
      ])) as unknown[];
      return pending ? { kind: 'wait', ms: Math.max(50, window.wait_ms ?? 50) } : this.idle(tx, connectionId);
    }
    const [rows] = (await tx.query(
      `UPDATE "chat_outbox" SET "status" = 'sending', "attempted_at" = now(), "attempts" = "attempts" + 1,
         "claimed_until" = now() + make_interval(secs => ${CLAIM_SECONDS})
       WHERE "id" = (SELECT "id" FROM "chat_outbox" WHERE ${due} ORDER BY "seq" LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [connectionId],
    )) as [OutboxRow[], number];
    const row = rows[0];
    return row ? { kind: 'send', row } : this.idle(tx, connectionId);
  }

  async finish(
    tx: Tx,
    id: string,
    outcome: { status: 'sent'; externalId?: string } | { status: 'dropped' | 'failed'; detail: string },
  ): Promise<OutboxRow | null> {
    const [rows] = (await tx.query(
      `UPDATE "chat_outbox" SET "status" = $2::varchar, "detail" = $3, "external_id" = $4, "claimed_until" = NULL,
         "sent_at" = CASE WHEN $2::varchar = 'sent' THEN now() ELSE NULL END
       WHERE "id" = $1 RETURNING *`,
      [
        id,
        outcome.status,
        outcome.status === 'sent' ? null : outcome.detail.slice(0, 500),
        outcome.status === 'sent' ? (outcome.externalId ?? null) : null,
      ],
    )) as [OutboxRow[], number];
    return rows[0] ?? null;
  }

  /** Back in the queue after `afterMs`; it keeps its place (seq) ahead of newer messages. */
  async retryLater(tx: Tx, id: string, detail: string, afterMs: number): Promise<OutboxRow | null> {
    const [rows] = (await tx.query(
      `UPDATE "chat_outbox" SET "status" = 'pending', "detail" = $2, "claimed_until" = NULL,
         "not_before" = now() + make_interval(secs => $3 / 1000.0)
       WHERE "id" = $1 RETURNING *`,
      [id, detail.slice(0, 500), Math.max(0, afterMs)],
    )) as [OutboxRow[], number];
    return rows[0] ?? null;
  }

  /** Connections with messages due now (for the sweep after a restart or a lost timer). */
  async connectionsWithDue(tx: Tx): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT DISTINCT "connection_id" FROM "chat_outbox"
       WHERE "not_before" <= now() AND ("status" = 'pending' OR ("status" = 'sending' AND "claimed_until" < now()))`,
    )) as { connection_id: string }[];
    return rows.map((row) => row.connection_id);
  }

  async sentToMeeting(tx: Tx, meetingId: string, limit: number): Promise<OutboxRow[]> {
    const rows = (await tx.query(
      `SELECT * FROM "chat_outbox" WHERE "meeting_id" = $1 AND "status" = 'sent' ORDER BY "seq" DESC LIMIT $2`,
      [meetingId, limit],
    )) as OutboxRow[];
    return rows.reverse();
  }

  private async idle(tx: Tx, connectionId: string): Promise<ClaimResult> {
    const [next] = (await tx.query(
      `SELECT (extract(epoch FROM (min("not_before") - now())) * 1000)::int AS "ms" FROM "chat_outbox"
       WHERE "connection_id" = $1 AND "status" = 'pending'`,
      [connectionId],
    )) as { ms: number | null }[];
    return {
      kind: 'idle',
      nextDueInMs: next?.ms === null || next?.ms === undefined ? null : Math.max(0, next.ms),
    };
  }
}

export function toOutboxDto(row: OutboxRow, platform: Platform): OutboxMessageDto {
  return {
    id: row.id,
    connectionId: row.connection_id,
    platform,
    text: row.text,
    status: row.status,
    detail: row.detail,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  };
}
