import { z } from 'zod';

/**
 * Where a viewer talks: the streaming platforms, the attendee page of an in-room meeting, and
 * rehearsal mode (fake viewers injected by an organizer, to try bots before going live).
 */
export const PLATFORMS = ['twitch', 'youtube', 'owncast', 'inroom', 'rehearsal'] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

/** Platforms an organizer connects by hand; the in-room chat exists in every workspace. */
export const CONNECTABLE_PLATFORMS = ['twitch', 'youtube', 'owncast'] as const;
export type ConnectablePlatform = (typeof CONNECTABLE_PLATFORMS)[number];

/** Roles a viewer holds in a channel. `member` is a YouTube channel member. */
export const VIEWER_ROLES = ['broadcaster', 'moderator', 'vip', 'subscriber', 'member'] as const;
export type ViewerRole = (typeof VIEWER_ROLES)[number];

/**
 * What happened. One kind per thing a bot, the points economy or a report reacts to; the
 * platform-specific names (CHAT, channel.chat.message, textMessageEvent…) stop at the adapters.
 */
export const CHAT_EVENT_KINDS = [
  'message',
  'follow',
  'subscription',
  'gift',
  'cheer',
  'raid',
  'donation',
  'redemption',
  'join',
  'part',
  'rename',
  'stream_online',
  'stream_offline',
  'stream_updated',
] as const;
export type ChatEventKind = (typeof CHAT_EVENT_KINDS)[number];

/** A viewer as one platform knows them. `platformUserId` never changes; names may. */
export interface ChatViewerIdentity {
  platform: Platform;
  platformUserId: string;
  /** Login / handle where the platform has one (Twitch login, Owncast has none). */
  login?: string;
  displayName: string;
  roles: ViewerRole[];
}

/** A message split into what it is made of, so emotes render as images and mentions as links. */
export type ChatFragment =
  | { type: 'text'; text: string }
  | { type: 'emote'; text: string; id: string; imageUrl?: string }
  | { type: 'mention'; text: string; userId?: string; login?: string }
  | { type: 'cheermote'; text: string; prefix: string; bits: number; tier: number };

/** Money as the platform reported it: a decimal string keeps cents exact ("4.99"). */
export interface ChatMoney {
  amount: string;
  currency: string;
}

/** The numbers an event carries; only those that apply are set. */
export interface ChatEventAmounts {
  bits?: number;
  money?: ChatMoney;
  /** Subscriptions given in one gift event. */
  giftCount?: number;
  raidViewers?: number;
  /** Subscription tier as the platform names it: Twitch "1000" | "2000" | "3000", a YouTube level name. */
  tier?: string;
  /** Cumulative months of a resubscription or membership milestone. */
  months?: number;
  /** Channel points spent on a redemption. */
  points?: number;
}

/**
 * What an adapter hands to the pipeline: one event from one connection, before it is recorded.
 * `externalId` is the platform's own id for it, so a redelivery is recognised.
 */
export interface ChatEventInput {
  kind: ChatEventKind;
  externalId: string;
  /** Absent for channel events (stream online/offline). */
  viewer?: ChatViewerIdentity;
  text?: string;
  fragments?: ChatFragment[];
  amounts?: ChatEventAmounts;
  /** The other side of a raid, a gift's recipient, a rename's old name, a redeemed reward's title… */
  detail?: Record<string, string | number | boolean | null>;
  occurredAt: string;
  /** In-room messages belong to a meeting. */
  meetingId?: string;
}

/** One recorded, normalized event: what bots, points, meetings and the merged chat log see. */
export interface ChatEvent extends ChatEventInput {
  id: string;
  workspaceId: string;
  connectionId: string;
  platform: Platform;
  /** Podium's viewer row (after merges), when the event has a viewer. */
  viewerId?: string;
  receivedAt: string;
}

export const CONNECTION_STATUSES = ['connected', 'connecting', 'needs_attention', 'disconnected'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** One EventSub subscription (Twitch) as the organizer sees it. */
export interface ConnectionSubscriptionDto {
  type: string;
  status: string;
}

export interface ConnectionDto {
  id: string;
  workspaceId: string;
  platform: Platform;
  status: ConnectionStatus;
  /** Why it needs attention, in words ("Twitch revoked channel.follow: authorization_revoked"). */
  statusDetail: string | null;
  /** The channel: Twitch login, YouTube channel title, Owncast instance URL. */
  accountName: string | null;
  /** The account that speaks in chat when it is not the channel itself (Twitch bot). */
  botAccountName: string | null;
  tokenExpiresAt: string | null;
  /** How events arrive: `webhook` (EventSub HTTP, Owncast), `websocket` (EventSub WS), `polling`, `socket`. */
  transport: 'webhook' | 'websocket' | 'polling' | 'socket';
  subscriptions: ConnectionSubscriptionDto[];
  /** YouTube only: units spent today of the daily budget. */
  quota: { used: number; budget: number; resetsAt: string } | null;
  /** What the organizer pastes into the platform (Owncast's webhook URL). */
  webhookUrl: string | null;
  lastEventAt: string | null;
  createdAt: string;
}

/** Owncast is connected with an instance URL and an access token (Owncast admin → Integrations). */
export const ConnectOwncastRequestSchema = z.object({
  instanceUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(300),
  accessToken: z.string().trim().min(1, { message: 'is required' }).max(500),
  /** Owncast ≥ 0.3.0 signs webhooks with this secret; without it the secret URL is the credential. */
  webhookSecret: z.string().trim().max(500).optional(),
});
export type ConnectOwncastRequest = z.input<typeof ConnectOwncastRequestSchema>;

/** Twitch/YouTube connects are OAuth redirects: the SPA asks for the URL to send the browser to. */
export interface OAuthStartDto {
  authorizeUrl: string;
}

/** A chat line is at most this long before the outbox splits it for the platform. */
export const CHAT_SEND_MAX_LENGTH = 2_000;
/** In-room chat lines are short, like a platform's. */
export const INROOM_MESSAGE_MAX_LENGTH = 500;

export const SendChatMessageRequestSchema = z.object({
  text: z.string().trim().min(1, { message: 'is required' }).max(CHAT_SEND_MAX_LENGTH),
  /** Connections to send to; absent or empty means every connection of the workspace. */
  connectionIds: z.array(z.uuid()).max(20).optional(),
});
export type SendChatMessageRequest = z.input<typeof SendChatMessageRequestSchema>;

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dropped', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxMessageDto {
  id: string;
  connectionId: string;
  platform: Platform;
  text: string;
  status: OutboxStatus;
  /** Why the platform dropped it or why sending failed. */
  detail: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface SendChatMessageResponse {
  queued: OutboxMessageDto[];
}

export const ChatLogQuerySchema = z.object({
  platform: PlatformSchema.optional(),
  kind: z.enum(CHAT_EVENT_KINDS).optional(),
  /** Events received before this one (paging back). */
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ChatLogQuery = z.input<typeof ChatLogQuerySchema>;

export interface ChatLogDto {
  /** Newest last, the way a chat reads. */
  events: ChatEvent[];
}

export interface ViewerDto {
  id: string;
  workspaceId: string;
  platform: Platform;
  platformUserId: string;
  login: string | null;
  displayName: string;
  roles: ViewerRole[];
  /** Set when a moderator linked this identity to another viewer: that one holds the history. */
  mergedIntoId: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

export const MergeViewersRequestSchema = z.object({
  /** The identity that goes away; its history moves to the target. */
  sourceViewerId: z.uuid(),
  targetViewerId: z.uuid(),
});
export type MergeViewersRequest = z.input<typeof MergeViewersRequestSchema>;

/** In-room chat sent from the attendee page over the attendee's socket. */
export const InroomChatSendSchema = z.object({
  text: z.string().trim().min(1, { message: 'is required' }).max(INROOM_MESSAGE_MAX_LENGTH),
  /** Chosen by the phone per line: a resend after a lost ack (or a double tap) posts it once. */
  messageId: z.uuid().optional(),
});
export type InroomChatSend = z.input<typeof InroomChatSendSchema>;

/** A line of a meeting's in-room chat as attendees see it (no platform ids, no roles beyond host). */
export interface InroomChatMessageDto {
  id: string;
  meetingId: string;
  displayName: string;
  text: string;
  /** Sent by the organizers ("send as bot"), shown as the host. */
  fromHost: boolean;
  occurredAt: string;
}
