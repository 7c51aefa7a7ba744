import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isTwitchEventType, normalizeTwitchEvent, type TwitchDeliveryMeta } from '@podium/chat';
import { DomainEvents } from '../../../../common/events/domain-events';
import { Remembered } from '../../../../common/concurrency/remembered';
import { ChatErrorCode, ChatException } from '../../../chat/chat.exception';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import { ChatPipeline } from '../../../chat/events/chat-pipeline';
import type { ConnectionRecord } from '../../../chat/platform-adapter';
import { storableText } from '../../webhook-text';

/**
 * How long a channel's connections are remembered between notifications. Changes made on this
 * replica clear it at once; another replica's disconnect shows here within this long (an event
 * for a connection removed meanwhile fails its insert and Twitch sends it again).
 */
const ROUTES_TTL_MS = 2_000;

type Route = Pick<ConnectionRecord, 'id' | 'workspaceId' | 'platform'>;

/**
 * One EventSub notification into the pipeline: normalized once, recorded for every connection of
 * its channel (several workspaces may follow one channel). Resolves once committed.
 */
@Injectable()
export class TwitchEventReceiver implements OnModuleInit {
  /** Per channel: its live connections, without their credentials (a chat burst reads this per message). */
  private readonly routes = new Remembered<Route[]>(ROUTES_TTL_MS);

  constructor(
    private readonly connections: ConnectionsService,
    private readonly pipeline: ChatPipeline,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('connection.changed', () => this.routes.forget());
    this.events.on('connection.removed', () => this.routes.forget());
  }

  async receive(type: string, event: Record<string, unknown>, meta: TwitchDeliveryMeta): Promise<number> {
    if (!isTwitchEventType(type)) return 0;
    // A signed body need not hold an event object (`[]`, `{}`): malformed, not a server error.
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw new ChatException(ChatErrorCode.WebhookMalformed, 'the notification has no event');
    }
    const result = normalizeTwitchEvent(type, storableText(event), meta);
    if (result.status === 'invalid') throw new ChatException(ChatErrorCode.WebhookMalformed, result.message);
    let recorded = 0;
    for (const connection of await this.routesOf(result.channelId)) {
      recorded += (await this.pipeline.ingest(connection, [result.event])).recorded.length;
    }
    return recorded;
  }

  private routesOf(channelId: string): Promise<Route[]> {
    return this.routes.get(channelId, () => this.connections.routesByAccount('twitch', channelId));
  }
}
