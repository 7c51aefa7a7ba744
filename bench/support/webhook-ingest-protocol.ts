/**
 * What the webhook ingest bench (the parent, which set up the api and the fake Twitch) tells the
 * load generator (a child process posting signed deliveries), and what the generator answers.
 */

/** The `channel.chat.message` subscription as Twitch holds it: where to post and how to sign. */
export interface IngestTarget {
  /** The api's callback URL for the subscription, reachable from this machine. */
  url: string;
  secret: string;
  /** The subscription object every delivery's body carries. */
  subscription: Record<string, unknown>;
  broadcaster: { id: string; login: string; displayName: string };
}

export interface IngestPlan {
  target: IngestTarget;
  /** Distinct chat messages (message ids); every other one is a command. */
  messages: number;
  /** Share of the messages posted a second time with the same message id, timestamp and body. */
  duplicateShare: number;
  /** Deliveries in flight at once (keep-alive sockets). */
  window: number;
  commandText: string;
  /** Where the generator writes its per-delivery records (JSON), then says `done`. */
  resultsFile: string;
  /** Seeds the choice of resent messages and where the resends land, so runs compare. */
  seed: number;
}

/** One POST and its answer. Times are epoch ms with sub-millisecond precision (same machine clock). */
export interface DeliveryRecord {
  messageId: string;
  /** Index of the chat message (its chatter is viewer `index`). */
  index: number;
  command: boolean;
  /** A resend of a message id already posted (or in flight). */
  resend: boolean;
  status: number;
  sentAt: number;
  ackAt: number;
}

export interface IngestRun {
  startedAt: number;
  endedAt: number;
  deliveries: DeliveryRecord[];
  /** Requests that failed without an HTTP answer (socket errors), by message. */
  transportErrors: string[];
}

export type GeneratorMessage = { type: 'done'; file: string } | { type: 'failed'; error: string };

/** The chatter of message `index`: distinct per message, so each command's reply names its message. */
export function chatterOf(index: number): { id: string; login: string; displayName: string } {
  return {
    id: String(700_000_000 + index),
    login: `benchviewer${index}`,
    displayName: `BenchViewer${index}`,
  };
}
