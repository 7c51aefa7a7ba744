import { Injectable, Logger } from '@nestjs/common';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import { TwitchClients } from '../twitch-clients';
import { channelOf, isStaleSubscription, webhookSubscriptionsUnder } from './eventsub-subscribe';

/**
 * Podium's webhook subscriptions as Twitch holds them, beyond what this process's twurple listener
 * knows: other replicas' subscriptions, earlier runs' leftovers, and verification outcomes.
 */
@Injectable()
export class EventSubAtTwitch {
  private readonly logger = new Logger(EventSubAtTwitch.name);

  constructor(
    private readonly clients: TwitchClients,
    private readonly connections: ConnectionsService,
  ) {}

  /** Deletes the ones no connection wants or signed with an earlier secret (isStaleSubscription). */
  async removeStale(callbackBase: string, currentPrefix: string): Promise<void> {
    const chatUsers = new Map<string, string>();
    for (const connection of await this.connections.forPlatform('twitch')) {
      if (connection.status === 'disconnected') continue;
      chatUsers.set(connection.accountId, connection.botAccountId ?? connection.accountId);
    }
    for (const sub of await webhookSubscriptionsUnder(this.clients.api, callbackBase)) {
      if (isStaleSubscription(sub, currentPrefix, chatUsers)) await this.delete(sub.id);
    }
  }

  /** Deletes every subscription of the channel, whichever replica made it. */
  async removeChannel(callbackBase: string, channelId: string): Promise<void> {
    for (const sub of await webhookSubscriptionsUnder(this.clients.api, callbackBase)) {
      if (channelOf(sub.condition) === channelId) await this.delete(sub.id);
    }
  }

  /** Twitch's status of each of our subscriptions, by Twitch id. */
  async statuses(callbackBase: string): Promise<Map<string, string>> {
    const subs = await webhookSubscriptionsUnder(this.clients.api, callbackBase);
    return new Map(subs.map((sub) => [sub.id, sub.status]));
  }

  private async delete(id: string): Promise<void> {
    await this.clients.api.eventSub
      .deleteSubscription(id)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, subscriptionId: id }, 'deleting an EventSub subscription failed'),
      );
  }
}
