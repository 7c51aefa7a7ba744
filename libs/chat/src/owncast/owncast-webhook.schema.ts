import { z } from 'zod';

/**
 * Owncast's webhook bodies (owncast.online/docs/api/webhooks, owncast/owncast core/webhooks and
 * models/user.go). Only the fields Podium reads are declared; unknown keys are dropped, so a newer
 * Owncast adding fields still parses.
 */

/** The event types Podium records. Any other `type` is acknowledged and ignored. */
export const OWNCAST_WEBHOOK_TYPES = [
  'CHAT',
  'NAME_CHANGE',
  'USER_JOINED',
  'USER_PARTED',
  'STREAM_STARTED',
  'STREAM_STOPPED',
  'STREAM_TITLE_UPDATED',
  'VISIBILITY-UPDATE',
  'FEDIVERSE_ENGAGEMENT_FOLLOW',
] as const;
export type OwncastWebhookType = (typeof OWNCAST_WEBHOOK_TYPES)[number];

export const OwncastEnvelopeSchema = z.object({
  type: z.string().min(1).max(100),
  eventData: z.record(z.string(), z.unknown()),
});

/** A chat user; `scopes` (MODERATOR) is omitted when empty. */
export const OwncastUserSchema = z.object({
  id: z.string().min(1).max(200),
  displayName: z.string().min(1).max(200),
  previousNames: z.array(z.string()).nullish(),
  scopes: z.array(z.string()).nullish(),
  isBot: z.boolean().optional(),
  authenticated: z.boolean().optional(),
});
export type OwncastUser = z.infer<typeof OwncastUserSchema>;

/** Owncast's own event id (shortid); empty in some older NAME_CHANGE deliveries. */
const EventId = z.string().max(200).optional();
/** RFC 3339 with nanoseconds; Go's zero time ("0001-01-01T00:00:00Z") in some older deliveries. */
const Timestamp = z.string().max(64).optional();

const UserEventSchema = z.object({ id: EventId, timestamp: Timestamp, user: OwncastUserSchema });

export const OwncastChatSchema = UserEventSchema.extend({
  /** What the viewer typed. `body` is the same rendered to sanitised HTML (emoji as <img>). */
  rawBody: z.string().max(10_000).optional(),
  body: z.string().max(50_000).optional(),
  visible: z.boolean().optional(),
}).refine((data) => data.rawBody !== undefined || data.body !== undefined, {
  message: 'has neither rawBody nor body',
  path: ['rawBody'],
});

export const OwncastNameChangeSchema = UserEventSchema.extend({ newName: z.string().min(1).max(200) });

export const OwncastUserPresenceSchema = UserEventSchema;

export const OwncastStreamSchema = z.object({
  id: EventId,
  timestamp: Timestamp,
  name: z.string().max(500).nullish(),
  streamTitle: z.string().max(500).nullish(),
  summary: z.string().max(5_000).nullish(),
});

/** Current docs and chat_test.go: `ids` / `visible`; an older docs revision shows `MessageIDs` / `Visible`. */
export const OwncastVisibilitySchema = z
  .object({
    id: EventId,
    timestamp: Timestamp,
    ids: z.array(z.string().max(200)).max(1_000).optional(),
    visible: z.boolean().optional(),
    MessageIDs: z.array(z.string().max(200)).max(1_000).optional(),
    Visible: z.boolean().optional(),
  })
  .transform((data, context) => {
    const ids = data.ids ?? data.MessageIDs;
    const visible = data.visible ?? data.Visible;
    if (ids === undefined || visible === undefined) {
      context.addIssue({ code: 'custom', message: 'needs ids and visible', path: ['ids'] });
      return z.NEVER;
    }
    return { id: data.id, timestamp: data.timestamp, ids, visible };
  });

export const OwncastFediverseFollowSchema = z.object({
  id: EventId,
  timestamp: Timestamp,
  /** The follower's display name and `user@domain` handle. */
  name: z.string().max(200).nullish(),
  username: z.string().min(1).max(200),
});

/** One chat connection as GET /api/integrations/clients lists it (a user may have several). */
export const OwncastClientSchema = z.object({
  user: OwncastUserSchema,
  messageCount: z.number().int().nonnegative().optional(),
  connectedAt: z.string().max(64).optional(),
});
export const OwncastClientsSchema = z.array(OwncastClientSchema).max(100_000);
