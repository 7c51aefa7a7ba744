import { createHash } from 'node:crypto';
import type { ChatEventInput, ChatViewerIdentity, ViewerRole } from '@podium/contracts';
import type { z } from 'zod';
import {
  OWNCAST_WEBHOOK_TYPES,
  OwncastChatSchema,
  OwncastEnvelopeSchema,
  OwncastFediverseFollowSchema,
  OwncastNameChangeSchema,
  OwncastStreamSchema,
  type OwncastUser,
  OwncastUserPresenceSchema,
  OwncastVisibilitySchema,
  type OwncastWebhookType,
} from './owncast-webhook.schema';

export type OwncastWebhookResult =
  | { status: 'event'; type: OwncastWebhookType; event: ChatEventInput }
  /** A well-formed delivery of a type Podium does not record (FEDIVERSE_ENGAGEMENT_LIKE…). */
  | { status: 'ignored'; type: string }
  | { status: 'invalid'; message: string };

/**
 * Turns one Owncast webhook body into the event Podium records.
 *
 * Mapping: CHAT → message (text is `rawBody`, what the viewer typed; `body` is rendered HTML);
 * NAME_CHANGE → rename (`detail.previousName`); USER_JOINED → join; USER_PARTED → part;
 * STREAM_STARTED/STOPPED → stream_online/offline; STREAM_TITLE_UPDATED → stream_updated
 * (`detail.change = 'title'`); FEDIVERSE_ENGAGEMENT_FOLLOW → follow (the follower's handle is the id).
 * VISIBILITY-UPDATE (a moderator hid or showed messages) → stream_updated with
 * `detail.change = 'message_visibility'`, `visible` and the comma-joined `messageIds`: it is a
 * moderation change to the channel's chat, has no viewer (Owncast sends `user: null`), and must
 * not count as a message, a rename or anything a viewer did.
 *
 * `receivedAt` stands in for Owncast's zero timestamp; it never enters the external id.
 */
export function normalizeOwncastWebhook(body: unknown, receivedAt: Date): OwncastWebhookResult {
  const envelope = OwncastEnvelopeSchema.safeParse(body);
  if (!envelope.success) return invalid('', envelope.error);
  const { type, eventData } = envelope.data;
  if (!isRecordedType(type)) return { status: 'ignored', type };
  try {
    return { status: 'event', type, event: normalizeEvent(type, eventData, receivedAt) };
  } catch (error) {
    if (error instanceof OwncastPayloadError) return { status: 'invalid', message: error.message };
    throw error;
  }
}

function normalizeEvent(type: OwncastWebhookType, data: unknown, receivedAt: Date): ChatEventInput {
  switch (type) {
    case 'CHAT': {
      const chat = parse(OwncastChatSchema, data);
      const text = chat.rawBody ?? textOfHtml(chat.body ?? '');
      return {
        kind: 'message',
        externalId: externalIdOf(type, chat.id, [chat.timestamp, chat.user.id, text]),
        viewer: viewerOf(chat.user),
        text,
        fragments: text === '' ? [] : [{ type: 'text', text }],
        ...detailOf({ ...userFlags(chat.user), ...(chat.visible === false ? { hidden: true } : {}) }),
        occurredAt: occurredAt(chat.timestamp, receivedAt),
      };
    }
    case 'NAME_CHANGE': {
      const change = parse(OwncastNameChangeSchema, data);
      return {
        kind: 'rename',
        externalId: externalIdOf(type, change.id, [change.timestamp, change.user.id, change.newName]),
        viewer: { ...viewerOf(change.user), displayName: change.newName },
        detail: { previousName: previousNameOf(change.user, change.newName), ...userFlags(change.user) },
        occurredAt: occurredAt(change.timestamp, receivedAt),
      };
    }
    case 'USER_JOINED':
    case 'USER_PARTED': {
      const presence = parse(OwncastUserPresenceSchema, data);
      return {
        kind: type === 'USER_JOINED' ? 'join' : 'part',
        externalId: externalIdOf(type, presence.id, [presence.timestamp, presence.user.id]),
        viewer: viewerOf(presence.user),
        ...detailOf(userFlags(presence.user)),
        occurredAt: occurredAt(presence.timestamp, receivedAt),
      };
    }
    case 'STREAM_STARTED':
    case 'STREAM_STOPPED':
    case 'STREAM_TITLE_UPDATED': {
      const stream = parse(OwncastStreamSchema, data);
      const kind =
        type === 'STREAM_STARTED'
          ? 'stream_online'
          : type === 'STREAM_STOPPED'
            ? 'stream_offline'
            : 'stream_updated';
      return {
        kind,
        externalId: externalIdOf(type, stream.id, [stream.timestamp, stream.streamTitle ?? '']),
        detail: {
          ...(kind === 'stream_updated' ? { change: 'title' } : {}),
          title: stream.streamTitle ?? null,
          name: stream.name ?? null,
        },
        occurredAt: occurredAt(stream.timestamp, receivedAt),
      };
    }
    case 'VISIBILITY-UPDATE': {
      const visibility = parse(OwncastVisibilitySchema, data);
      return {
        kind: 'stream_updated',
        externalId: externalIdOf(type, visibility.id, [
          visibility.timestamp,
          String(visibility.visible),
          ...visibility.ids,
        ]),
        detail: {
          change: 'message_visibility',
          visible: visibility.visible,
          messageIds: visibility.ids.join(','),
          messageCount: visibility.ids.length,
        },
        occurredAt: occurredAt(visibility.timestamp, receivedAt),
      };
    }
    case 'FEDIVERSE_ENGAGEMENT_FOLLOW': {
      const follow = parse(OwncastFediverseFollowSchema, data);
      return {
        kind: 'follow',
        externalId: externalIdOf(type, follow.id, [follow.timestamp, follow.username]),
        viewer: {
          platform: 'owncast',
          platformUserId: follow.username,
          login: follow.username,
          displayName: follow.name || follow.username,
          roles: [],
        },
        detail: { source: 'fediverse' },
        occurredAt: occurredAt(follow.timestamp, receivedAt),
      };
    }
  }
}

/** Owncast has one role that matters here: the MODERATOR scope. Bots are flagged in `detail`. */
export function owncastViewerOf(user: OwncastUser): ChatViewerIdentity {
  const roles: ViewerRole[] = user.scopes?.includes('MODERATOR') ? ['moderator'] : [];
  return { platform: 'owncast', platformUserId: user.id, displayName: user.displayName, roles };
}
const viewerOf = owncastViewerOf;

function userFlags(user: OwncastUser): Record<string, boolean> {
  // `authenticated`: signed in on Owncast (reward eligibility "signed-in Owncast users").
  return { ...(user.isBot ? { isBot: true } : {}), ...(user.authenticated ? { authenticated: true } : {}) };
}

function detailOf(detail: Record<string, string | number | boolean | null>): Pick<ChatEventInput, 'detail'> {
  return Object.keys(detail).length > 0 ? { detail } : {};
}

/** The name before the change: the event's user may already carry the new name, so look back. */
function previousNameOf(user: OwncastUser, newName: string): string | null {
  if (user.displayName !== newName) return user.displayName;
  const earlier = (user.previousNames ?? []).filter((name) => name !== newName);
  return earlier.at(-1) ?? null;
}

/**
 * Owncast's event id where it sent one; otherwise a hash of what identifies the delivery, so a
 * redelivery of the same event maps to the same key (and a different event does not).
 */
function externalIdOf(type: string, id: string | undefined, identifying: (string | undefined)[]): string {
  if (id) return id;
  const digest = createHash('sha256')
    .update(JSON.stringify([type, ...identifying.map((part) => part ?? '')]))
    .digest('base64url');
  return `sha256:${digest}`;
}

function occurredAt(timestamp: string | undefined, receivedAt: Date): string {
  if (!timestamp) return receivedAt.toISOString();
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms))
    throw new OwncastPayloadError(`eventData.timestamp is not a date: "${timestamp.slice(0, 40)}"`);
  // Go's zero time (year 1) means "not set" in older Owncast releases.
  return ms <= 0 ? receivedAt.toISOString() : new Date(ms).toISOString();
}

/** Fallback for deliveries without `rawBody`: the sanitised HTML reduced to its text. */
function textOfHtml(html: string): string {
  return html
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function isRecordedType(type: string): type is OwncastWebhookType {
  return (OWNCAST_WEBHOOK_TYPES as readonly string[]).includes(type);
}

class OwncastPayloadError extends Error {}

function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new OwncastPayloadError(describeIssue('eventData', result.error));
  return result.data;
}

function invalid(prefix: string, error: z.ZodError): OwncastWebhookResult {
  return { status: 'invalid', message: describeIssue(prefix, error) };
}

function describeIssue(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return `${path || 'body'} ${issue?.message ?? 'is invalid'}`;
}
