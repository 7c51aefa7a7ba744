import type { TwitchEventType } from '@podium/chat';
import type { ApiClient, HelixEventSubSubscription } from '@twurple/api';
import type { PodiumEventSubListener } from './eventsub-listeners';

export type TwurpleSubscription = ReturnType<PodiumEventSubListener['onStreamOnline']>;

/** Events arrive through `_handleSingleEventPayload` (see eventsub-listeners.ts), not handlers. */
const viaPayloadHook = (): void => undefined;

/**
 * Subscribes the listener to one type for a channel. Follows are read as the channel's own
 * moderator (its owner); chat is read as the account that speaks for Podium (bot, else owner).
 */
export function subscribeTo(
  listener: PodiumEventSubListener,
  type: TwitchEventType,
  channelId: string,
  chatUserId: string,
): TwurpleSubscription {
  switch (type) {
    case 'channel.chat.message':
      return listener.onChannelChatMessage(channelId, chatUserId, viaPayloadHook);
    case 'channel.follow':
      return listener.onChannelFollow(channelId, channelId, viaPayloadHook);
    case 'channel.subscribe':
      return listener.onChannelSubscription(channelId, viaPayloadHook);
    case 'channel.subscription.gift':
      return listener.onChannelSubscriptionGift(channelId, viaPayloadHook);
    case 'channel.subscription.message':
      return listener.onChannelSubscriptionMessage(channelId, viaPayloadHook);
    case 'channel.cheer':
      return listener.onChannelCheer(channelId, viaPayloadHook);
    case 'channel.raid':
      return listener.onChannelRaidTo(channelId, viaPayloadHook);
    case 'stream.online':
      return listener.onStreamOnline(channelId, viaPayloadHook);
    case 'stream.offline':
      return listener.onStreamOffline(channelId, viaPayloadHook);
    case 'channel.channel_points_custom_reward_redemption.add':
      return listener.onChannelRedemptionAdd(channelId, viaPayloadHook);
  }
}

/** The channel a subscription listens to, from its condition. */
export function channelOf(condition: Record<string, unknown>): string | undefined {
  const id = condition['broadcaster_user_id'] ?? condition['to_broadcaster_user_id'];
  return typeof id === 'string' ? id : undefined;
}

/** Webhook subscriptions of this app whose callback is under `callbackBase`, as Twitch lists them. */
export async function webhookSubscriptionsUnder(
  api: ApiClient,
  callbackBase: string,
): Promise<HelixEventSubSubscription[]> {
  const all = await api.eventSub.getSubscriptionsPaginated().getAll();
  return all.filter(
    (sub) => sub._transport.method === 'webhook' && sub._transport.callback.startsWith(callbackBase),
  );
}

/**
 * Which of our webhook subscriptions at Twitch are stale: signed with another secret (another
 * callback prefix), for a channel no connection listens to any more, or reading chat as an account
 * that no longer speaks for the channel.
 */
export function isStaleSubscription(
  sub: HelixEventSubSubscription,
  currentPrefix: string,
  chatUserByChannel: ReadonlyMap<string, string>,
): boolean {
  if (sub._transport.method !== 'webhook' || !sub._transport.callback.startsWith(currentPrefix)) return true;
  const channelId = channelOf(sub.condition);
  if (!channelId || !chatUserByChannel.has(channelId)) return true;
  return sub.type === 'channel.chat.message' && sub.condition['user_id'] !== chatUserByChannel.get(channelId);
}
