import { TWITCH_EVENT_TYPES, type TwitchEventType } from '@podium/chat';
import type { ConnectionsService } from '../../../chat/connections/connections.service';
import type { ConnectionRecord } from '../../../chat/platform-adapter';
import type { EventSubAtTwitch } from './eventsub-at-twitch';
import type { PodiumEventSubListener } from './eventsub-listeners';
import type { EventSubStatuses } from './eventsub-status';
import { subscribeTo, type TwurpleSubscription } from './eventsub-subscribe';
import type { EventSubWaits } from './eventsub-waits';

export interface SubscriptionOwner {
  channelId: string;
  type: TwitchEventType;
}

/** How the channels reach Twitch's side: only webhooks have subscriptions outside this process. */
export interface WebhookSide {
  atTwitch: EventSubAtTwitch;
  callbackBase: string;
}

/**
 * The channels this process listens to and the twurple subscription of each type, with the way
 * back from a subscription to its channel. Twurple subscriptions are per channel, not per
 * connection: several workspaces connected to one channel share them.
 */
export class EventSubChannels {
  private readonly channels = new Map<
    string,
    { chatUserId: string; subscriptions: Map<TwitchEventType, TwurpleSubscription> }
  >();
  private readonly owners = new Map<string, SubscriptionOwner>();

  constructor(
    private readonly listener: PodiumEventSubListener,
    private readonly statuses: EventSubStatuses,
    private readonly waits: EventSubWaits,
    private readonly connections: ConnectionsService,
    private readonly webhook: WebhookSide | undefined,
    /** Whether Twitch can call back yet: before that, subscriptions are registered, not awaited. */
    private readonly serving: () => boolean,
  ) {}

  ownerOf(twurpleId: string): SubscriptionOwner | undefined {
    return this.owners.get(twurpleId);
  }

  *all(): Iterable<[string, TwitchEventType, TwurpleSubscription]> {
    for (const [channelId, channel] of this.channels) {
      for (const [type, subscription] of channel.subscriptions) yield [channelId, type, subscription];
    }
  }

  channelIds(): string[] {
    return [...this.channels.keys()];
  }

  /** The channel's subscriptions exist (missing ones are created); waits for Twitch once serving. */
  async ensure(connection: ConnectionRecord): Promise<void> {
    const channelId = connection.accountId;
    const chatUserId = connection.botAccountId ?? channelId;
    const channel = this.channels.get(channelId) ?? { chatUserId, subscriptions: new Map() };
    this.channels.set(channelId, channel);
    if (channel.chatUserId !== chatUserId) {
      // Chat is read as the account that speaks: a bot attached (or removed) changes it.
      const old = channel.subscriptions.get('channel.chat.message');
      channel.subscriptions.delete('channel.chat.message');
      channel.chatUserId = chatUserId;
      if (old) await this.stop(old);
    }
    const created: TwurpleSubscription[] = [];
    for (const type of TWITCH_EVENT_TYPES) {
      if (channel.subscriptions.has(type)) continue;
      const subscription = subscribeTo(this.listener, type, channelId, chatUserId);
      channel.subscriptions.set(type, subscription);
      this.owners.set(subscription.id, { channelId, type });
      this.statuses.set(channelId, type, subscription.verified ? 'enabled' : 'pending');
      created.push(subscription);
    }
    if (this.serving()) {
      await Promise.all(
        created.map((subscription) => (subscription.verified ? undefined : this.waits.for(subscription.id))),
      );
      await this.awaitVerification(channelId, created);
    }
    await this.statuses.write(channelId);
  }

  /** Stops listening to the channel unless another connection still follows it; deletes at Twitch. */
  async remove(connection: ConnectionRecord): Promise<void> {
    const channelId = connection.accountId;
    const others = (await this.connections.byAccount('twitch', channelId)).filter(
      (other) => other.id !== connection.id && other.status !== 'disconnected',
    );
    if (others.length > 0) return;
    const channel = this.channels.get(channelId);
    this.channels.delete(channelId);
    this.statuses.forget(channelId);
    for (const subscription of channel?.subscriptions.values() ?? []) await this.stop(subscription);
    // Ones another replica created are not in this process's listener.
    if (this.webhook) await this.webhook.atTwitch.removeChannel(this.webhook.callbackBase, channelId);
  }

  /** Twitch revoked it and twurple dropped it: the next start creates it again if still wanted. */
  revoked(twurpleId: string): SubscriptionOwner | undefined {
    const owner = this.owners.get(twurpleId);
    if (!owner) return undefined;
    this.owners.delete(twurpleId);
    this.channels.get(owner.channelId)?.subscriptions.delete(owner.type);
    return owner;
  }

  /** Deletes it at Twitch (twurple's stop), waiting for the answer when there is one to wait for. */
  private async stop(subscription: TwurpleSubscription): Promise<void> {
    this.owners.delete(subscription.id);
    const done = subscription._twitchId !== undefined ? this.waits.for(subscription.id) : Promise.resolve();
    subscription.stop();
    await done;
  }

  /**
   * Twitch verifies a new webhook subscription by calling back, maybe on another replica: ask
   * Twitch how its verification went rather than wait for a callback this process may not get.
   */
  private async awaitVerification(channelId: string, created: TwurpleSubscription[]): Promise<void> {
    if (!this.webhook) return;
    const deadline = Date.now() + this.waits.timeoutMs;
    const pending = () =>
      created.filter(
        (s) =>
          !s.verified &&
          s._twitchId !== undefined &&
          this.statuses.get(channelId, this.owners.get(s.id)?.type ?? '') ===
            'webhook_callback_verification_pending',
      );
    while (pending().length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const atTwitch = await this.webhook.atTwitch.statuses(this.webhook.callbackBase);
      for (const subscription of pending()) {
        const status = atTwitch.get(subscription._twitchId ?? '');
        const owner = this.owners.get(subscription.id);
        if (owner && status && status !== 'webhook_callback_verification_pending') {
          this.statuses.set(channelId, owner.type, status);
        }
      }
    }
  }
}
