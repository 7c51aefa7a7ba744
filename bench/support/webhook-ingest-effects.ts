import type { FakeTwitch } from '@podium/fakes';
import type { TestDatabase } from '../../apps/api/test/support/test-database';
import { chatterOf, type IngestRun } from './webhook-ingest-protocol';
import { REPLY_TEMPLATE } from './webhook-ingest-setup';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export function percentiles(values: number[]): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0, count: sorted.length };
}

/** What the run did, as the api's answers say it and as the database and the fake saw it. */
export interface IngestOutcome {
  wallMs: number;
  deliveries: number;
  resends: number;
  accepted: number;
  /** Answers that were not 2xx, by status. */
  refused: Record<string, number>;
  transportErrors: number;
  uniqueMessages: number;
  uniqueCommands: number;
  acceptedPerSecond: number;
  ackMs: Percentiles | null;
  /** First ack of a message → its chat event handled (plain lines) or its reply queued (commands). */
  effectMs: Percentiles | null;
  effectMessagesMs: Percentiles | null;
  effectCommandsMs: Percentiles | null;
  /** First ack → the row stored: negative when the row was committed before the answer. */
  storedMs: Percentiles | null;
  /** Unique messages whose effect never showed up within the wait. */
  missingEffects: number;
  checks: {
    storedEvents: number;
    handledEvents: number;
    replies: number;
    /** Reply texts queued more than once, stored event ids recorded more than once. */
    doubleReplies: number;
    doubleEvents: number;
    commandUseCount: number;
    /** Replies the fake Twitch received during the wait (the outbox keeps Twitch's rate limit). */
    sentAtTwitch: number;
    doubleSentAtTwitch: number;
  };
}

interface EventRow {
  external_id: string;
  received_ms: number;
  processed_ms: number | null;
}

async function readEffects(db: TestDatabase, connectionId: string, workspaceId: string) {
  const events = await db.query<EventRow>(
    `SELECT "external_id", extract(epoch from "received_at") * 1000 AS "received_ms",
            extract(epoch from "processed_at") * 1000 AS "processed_ms"
     FROM "chat_events" WHERE "connection_id" = $1 AND "kind" = 'message'`,
    [connectionId],
  );
  const replies = await db.query<{ text: string; created_ms: number }>(
    `SELECT "text", extract(epoch from "created_at") * 1000 AS "created_ms"
     FROM "chat_outbox" WHERE "workspace_id" = $1`,
    [workspaceId],
  );
  return {
    events: events.map((e) => ({
      ...e,
      received_ms: Number(e.received_ms),
      processed_ms: e.processed_ms === null ? null : Number(e.processed_ms),
    })),
    replies: replies.map((r) => ({ ...r, created_ms: Number(r.created_ms) })),
  };
}

const replyFor = (index: number) => REPLY_TEMPLATE.replace('{user}', chatterOf(index).displayName);

/**
 * Waits (up to `waitMs`) until every accepted message is handled and every command answered, then
 * reads the effects and checks them against the deliveries: one event per message id, one reply
 * per command, however many times each was posted.
 */
export async function collectOutcome(
  run: IngestRun,
  bed: { db: TestDatabase; twitch: FakeTwitch; connectionId: string; workspaceId: string },
  waitMs: number,
): Promise<IngestOutcome> {
  const accepted = run.deliveries.filter((d) => d.status >= 200 && d.status < 300);
  const firstAck = new Map<string, { ackAt: number; index: number; command: boolean }>();
  for (const d of accepted) {
    const seen = firstAck.get(d.messageId);
    if (!seen || d.ackAt < seen.ackAt)
      firstAck.set(d.messageId, { ackAt: d.ackAt, index: d.index, command: d.command });
  }
  const commands = [...firstAck.values()].filter((m) => m.command).length;
  const deadline = Date.now() + waitMs;
  let effects = await readEffects(bed.db, bed.connectionId, bed.workspaceId);
  const done = () =>
    effects.events.filter((e) => e.processed_ms !== null).length >= firstAck.size &&
    effects.replies.length >= commands;
  while (!done() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    effects = await readEffects(bed.db, bed.connectionId, bed.workspaceId);
  }

  const eventById = new Map(effects.events.map((e) => [e.external_id, e]));
  const replyByText = new Map<string, number[]>();
  for (const reply of effects.replies)
    replyByText.set(reply.text, [...(replyByText.get(reply.text) ?? []), reply.created_ms]);
  const effect: number[] = [];
  const effectMessages: number[] = [];
  const effectCommands: number[] = [];
  const stored: number[] = [];
  let missing = 0;
  for (const [messageId, first] of firstAck) {
    const event = eventById.get(`message:${messageId}`);
    if (event) stored.push(event.received_ms - first.ackAt);
    const at = first.command
      ? replyByText.get(replyFor(first.index))?.[0]
      : (event?.processed_ms ?? undefined);
    if (at === undefined) {
      missing += 1;
      continue;
    }
    effect.push(at - first.ackAt);
    (first.command ? effectCommands : effectMessages).push(at - first.ackAt);
  }
  const sentTexts = bed.twitch.chatMessages.map((m) => m.message);
  const useCount = await bed.db.query<{ n: number }>(
    `SELECT coalesce(sum("use_count"), 0)::int AS "n" FROM "bot_commands"`,
  );
  const refused: Record<string, number> = {};
  for (const d of run.deliveries)
    if (d.status < 200 || d.status >= 300) refused[d.status] = (refused[d.status] ?? 0) + 1;
  const wallMs = run.endedAt - run.startedAt;
  return {
    wallMs,
    deliveries: run.deliveries.length + run.transportErrors.length,
    resends: run.deliveries.filter((d) => d.resend).length,
    accepted: accepted.length,
    refused,
    transportErrors: run.transportErrors.length,
    uniqueMessages: firstAck.size,
    uniqueCommands: commands,
    acceptedPerSecond: (accepted.length * 1000) / wallMs,
    ackMs: percentiles(accepted.map((d) => d.ackAt - d.sentAt)),
    effectMs: percentiles(effect),
    effectMessagesMs: percentiles(effectMessages),
    effectCommandsMs: percentiles(effectCommands),
    storedMs: percentiles(stored),
    missingEffects: missing,
    checks: {
      storedEvents: effects.events.length,
      handledEvents: effects.events.filter((e) => e.processed_ms !== null).length,
      replies: effects.replies.length,
      doubleReplies: [...replyByText.values()].filter((times) => times.length > 1).length,
      doubleEvents: effects.events.length - eventById.size,
      commandUseCount: useCount[0]?.n ?? 0,
      sentAtTwitch: sentTexts.length,
      doubleSentAtTwitch: sentTexts.length - new Set(sentTexts).size,
    },
  };
}
