import type {
  ChatEvent,
  ChatViewerIdentity,
  ConnectionDto,
  ModerationAction,
  Platform,
} from '@podium/contracts';

/**
 * A connection as adapters see it: credentials already decrypted, `state` the adapter's own JSON
 * (EventSub subscriptions, page tokens, quota…). Read fresh from ConnectionsService; never cached long.
 */
export interface ConnectionRecord<TCredentials = Record<string, unknown>> {
  id: string;
  workspaceId: string;
  platform: Platform;
  /** The channel on the platform: Twitch broadcaster id, YouTube channel id, Owncast instance URL. */
  accountId: string;
  accountName: string | null;
  botAccountId: string | null;
  botAccountName: string | null;
  status: ConnectionDto['status'];
  statusDetail: string | null;
  credentials: TCredentials | null;
  botCredentials: TCredentials | null;
  state: Record<string, unknown>;
  /** Unguessable path segment of the connection's webhook URL, where it has one. */
  webhookKey: string | null;
  lastEventAt: Date | null;
  createdAt: Date;
}

/** One line the outbox hands an adapter to deliver. Already split to the adapter's `maxLength`. */
export interface OutboundMessage {
  id: string;
  text: string;
  /** In-room lines go to one meeting's attendees. */
  meetingId: string | null;
}

/**
 * What became of a send. `dropped` is final (the platform refused it and says why, e.g. Twitch's
 * drop_reason); `retry` puts it back in the queue (rate limited, platform briefly down).
 */
export type SendOutcome =
  | { status: 'sent'; externalId?: string }
  | { status: 'dropped'; reason: string }
  | { status: 'retry'; reason: string; afterMs: number };

/** How fast and how long a connection may speak; the outbox holds every message to it. */
export interface OutboxLimits {
  maxLength: number;
  /** At most `messages` per `perMs` (Twitch: 20 per 30 s, 100 when the sender is a moderator). */
  messages: number;
  perMs: number;
}

/** What moderation asks a platform to do about one message (and its author). */
export interface ModerationRequest {
  /** The message: its `externalId` (as the platform's normalizer made it) names it on the platform. */
  event: ChatEvent;
  /** `delete` removes the message; `timeout` and `ban` remove it and restrict its author. */
  action: ModerationAction;
  /** Shown to the platform's moderators where it keeps one (Twitch's ban reason). */
  reason: string;
}

/**
 * What became of a moderation request: `done`; `failed` (the platform refused or did not answer);
 * `not_supported` (the platform cannot do this; `reason` says what was done instead, if anything).
 */
export type ModerationOutcome =
  { status: 'done' } | { status: 'failed'; reason: string } | { status: 'not_supported'; reason: string };

/** The parts of ConnectionDto only the platform's adapter can fill in. */
export type ConnectionView = Pick<
  ConnectionDto,
  'transport' | 'subscriptions' | 'quota' | 'tokenExpiresAt' | 'webhookUrl'
>;

/**
 * Everything platform-specific behind one interface: the pipeline, outbox and connections page
 * never look past it. Adapters register themselves with PlatformAdapters in `onModuleInit`.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  limits(connection: ConnectionRecord): OutboxLimits;
  send(connection: ConnectionRecord, message: OutboundMessage): Promise<SendOutcome>;
  view(connection: ConnectionRecord): ConnectionView;
  /** Begin receiving (open a WebSocket, schedule polling, reconcile subscriptions). Idempotent. */
  start?(connection: ConnectionRecord): Promise<void>;
  /** Stop receiving in this process (shutdown); the connection stays. */
  stop?(connection: ConnectionRecord): Promise<void>;
  /** The organizer disconnects: revoke tokens, delete subscriptions. Best effort; the row goes anyway. */
  disconnect?(connection: ConnectionRecord): Promise<void>;
  /** Moderation acts on a message. Never throws: a refusal is a `failed` outcome. Absent: not supported. */
  moderate?(connection: ConnectionRecord, request: ModerationRequest): Promise<ModerationOutcome>;
  /**
   * Who the platform lists as in the chat now (Twitch chatters, Owncast connected clients), for
   * points presence. Throws when the platform refuses or is unreachable. Absent: not supported.
   */
  listViewers?(connection: ConnectionRecord): Promise<ChatViewerIdentity[]>;
  /**
   * How many watch the stream now, as the platform counts them (Twitch viewer_count, Owncast
   * viewerCount), for stream reports; null when it is not live. Throws when unreachable. Absent: not given.
   */
  viewerCount?(connection: ConnectionRecord): Promise<number | null>;
}
