import type { ChatEventInput, ChatViewerIdentity } from '@podium/contracts';
import type { z } from 'zod';
import {
  twitchChatFragments,
  twitchRangedEmoteFragments,
  twitchRolesOf,
} from './twitch-chat-message.normalizer';
import {
  ChatMessageEventSchema,
  CheerEventSchema,
  FollowEventSchema,
  RaidEventSchema,
  RedemptionAddEventSchema,
  StreamOfflineEventSchema,
  StreamOnlineEventSchema,
  SubscribeEventSchema,
  SubscriptionGiftEventSchema,
  SubscriptionMessageEventSchema,
} from './twitch-eventsub.schema';
import type { TwitchEventType } from './twitch-eventsub.types';

/** What came with the event besides its body. */
export interface TwitchDeliveryMeta {
  /** Twitch-Eventsub-Message-Id (webhook header, WebSocket `metadata.message_id`): kept by resends. */
  messageId: string;
  /** When Twitch sent it; stands in for events that carry no time of their own. */
  sentAt: string;
}

/** The channel the event belongs to: the connection(s) that record it. */
export type TwitchNormalizeResult =
  { status: 'event'; channelId: string; event: ChatEventInput } | { status: 'invalid'; message: string };

/**
 * Turns one EventSub `event` into the event Podium records.
 *
 * External ids make a redelivery a duplicate: the event's own id where it has one (chat
 * `message_id`, redemption `id`, the stream `id` of stream.online), otherwise the EventSub message
 * id, which Twitch keeps when it resends a notification.
 */
export function normalizeTwitchEvent(
  type: TwitchEventType,
  event: unknown,
  meta: TwitchDeliveryMeta,
): TwitchNormalizeResult {
  try {
    return normalize(type, event, meta);
  } catch (error) {
    if (error instanceof TwitchPayloadError) return { status: 'invalid', message: error.message };
    throw error;
  }
}

function normalize(type: TwitchEventType, raw: unknown, meta: TwitchDeliveryMeta): TwitchNormalizeResult {
  const byMessage = `eventsub:${meta.messageId}`;
  switch (type) {
    case 'channel.chat.message': {
      const e = parse(type, ChatMessageEventSchema, raw);
      const shared = e.source_broadcaster_user_id && e.source_broadcaster_user_id !== e.broadcaster_user_id;
      return found(e.broadcaster_user_id, {
        kind: 'message',
        externalId: `message:${e.message_id}`,
        viewer: viewer(e.chatter_user_id, e.chatter_user_login, e.chatter_user_name, [
          ...twitchRolesOf(e.badges, e.chatter_user_id, e.broadcaster_user_id),
        ]),
        text: e.message.text,
        fragments: twitchChatFragments(e.message.fragments, e.message.text),
        ...(e.cheer ? { amounts: { bits: e.cheer.bits } } : {}),
        ...detail({
          messageId: e.message_id,
          messageType: e.message_type && e.message_type !== 'text' ? e.message_type : undefined,
          replyToMessageId: e.reply?.parent_message_id,
          rewardId: e.channel_points_custom_reward_id ?? undefined,
          sharedFromChannel: shared
            ? (e.source_broadcaster_user_login ?? e.source_broadcaster_user_id ?? undefined)
            : undefined,
        }),
        occurredAt: iso(meta.sentAt),
      });
    }
    case 'channel.follow': {
      const e = parse(type, FollowEventSchema, raw);
      return found(e.broadcaster_user_id, {
        kind: 'follow',
        externalId: byMessage,
        viewer: viewer(e.user_id, e.user_login, e.user_name),
        occurredAt: iso(e.followed_at),
      });
    }
    case 'channel.subscribe': {
      const e = parse(type, SubscribeEventSchema, raw);
      return found(e.broadcaster_user_id, {
        kind: 'subscription',
        externalId: byMessage,
        viewer: viewer(e.user_id, e.user_login, e.user_name, ['subscriber']),
        amounts: { tier: e.tier },
        detail: { isGift: e.is_gift },
        occurredAt: iso(meta.sentAt),
      });
    }
    case 'channel.subscription.gift': {
      const e = parse(type, SubscriptionGiftEventSchema, raw);
      const gifter = e.is_anonymous ? undefined : maybeViewer(e.user_id, e.user_login, e.user_name);
      return found(e.broadcaster_user_id, {
        kind: 'gift',
        externalId: byMessage,
        ...(gifter ? { viewer: gifter } : {}),
        amounts: { giftCount: e.total, tier: e.tier },
        ...detail({ anonymous: e.is_anonymous, cumulativeTotal: e.cumulative_total ?? undefined }),
        occurredAt: iso(meta.sentAt),
      });
    }
    case 'channel.subscription.message': {
      const e = parse(type, SubscriptionMessageEventSchema, raw);
      return found(e.broadcaster_user_id, {
        kind: 'subscription',
        externalId: byMessage,
        viewer: viewer(e.user_id, e.user_login, e.user_name, ['subscriber']),
        text: e.message.text,
        fragments: twitchRangedEmoteFragments(e.message.text, e.message.emotes ?? []),
        amounts: { tier: e.tier, months: e.cumulative_months },
        ...detail({
          resubscription: true,
          streakMonths: e.streak_months ?? undefined,
          durationMonths: e.duration_months,
        }),
        occurredAt: iso(meta.sentAt),
      });
    }
    case 'channel.cheer': {
      const e = parse(type, CheerEventSchema, raw);
      const cheerer = e.is_anonymous ? undefined : maybeViewer(e.user_id, e.user_login, e.user_name);
      return found(e.broadcaster_user_id, {
        kind: 'cheer',
        externalId: byMessage,
        ...(cheerer ? { viewer: cheerer } : {}),
        text: e.message,
        fragments: e.message === '' ? [] : [{ type: 'text', text: e.message }],
        amounts: { bits: e.bits },
        ...detail({ anonymous: e.is_anonymous || undefined }),
        occurredAt: iso(meta.sentAt),
      });
    }
    case 'channel.raid': {
      const e = parse(type, RaidEventSchema, raw);
      return found(e.to_broadcaster_user_id, {
        kind: 'raid',
        externalId: byMessage,
        // The raider is the broadcaster who brought their viewers along.
        viewer: viewer(
          e.from_broadcaster_user_id,
          e.from_broadcaster_user_login,
          e.from_broadcaster_user_name,
        ),
        amounts: { raidViewers: e.viewers },
        occurredAt: iso(meta.sentAt),
      });
    }
    case 'stream.online': {
      const e = parse(type, StreamOnlineEventSchema, raw);
      return found(e.broadcaster_user_id, {
        kind: 'stream_online',
        externalId: `stream:${e.id}:online`,
        detail: { streamId: e.id, streamType: e.type },
        occurredAt: iso(e.started_at),
      });
    }
    case 'stream.offline': {
      const e = parse(type, StreamOfflineEventSchema, raw);
      return found(e.broadcaster_user_id, {
        kind: 'stream_offline',
        externalId: byMessage,
        occurredAt: iso(meta.sentAt),
      });
    }
    case 'channel.channel_points_custom_reward_redemption.add': {
      const e = parse(type, RedemptionAddEventSchema, raw);
      const input = e.user_input.trim();
      return found(e.broadcaster_user_id, {
        kind: 'redemption',
        externalId: `redemption:${e.id}`,
        viewer: viewer(e.user_id, e.user_login, e.user_name),
        ...(input ? { text: input, fragments: [{ type: 'text', text: input }] } : {}),
        amounts: { points: e.reward.cost },
        detail: { redemptionId: e.id, rewardId: e.reward.id, rewardTitle: e.reward.title, status: e.status },
        occurredAt: iso(e.redeemed_at),
      });
    }
  }
}

class TwitchPayloadError extends Error {}

function parse<S extends z.ZodType>(type: string, schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `event.${issue.path.join('.')}` : 'event';
  throw new TwitchPayloadError(`${type}: ${where} ${issue?.message ?? 'is invalid'}`);
}

function found(channelId: string, event: ChatEventInput): TwitchNormalizeResult {
  return { status: 'event', channelId, event };
}

function viewer(id: string, login: string, name: string, roles: ChatViewerIdentity['roles'] = []) {
  return {
    platform: 'twitch',
    platformUserId: id,
    login,
    displayName: name,
    roles,
  } satisfies ChatViewerIdentity;
}

/** Anonymous gifts and cheers carry nulls instead of the user. */
function maybeViewer(
  id: string | null | undefined,
  login: string | null | undefined,
  name: string | null | undefined,
): ChatViewerIdentity | undefined {
  return id && login && name ? viewer(id, login, name) : undefined;
}

/** Only the keys that have a value, and no `detail` at all when none has. */
function detail(
  values: Record<string, string | number | boolean | undefined>,
): Pick<ChatEventInput, 'detail'> {
  const kept = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Record<string, string | number | boolean>;
  return Object.keys(kept).length > 0 ? { detail: kept } : {};
}

/** Twitch writes nanoseconds (…:02.544171390Z); Podium keeps milliseconds. */
function iso(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new TwitchPayloadError(`"${timestamp.slice(0, 40)}" is not a time`);
  return new Date(ms).toISOString();
}
