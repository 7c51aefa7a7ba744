import { Injectable } from '@nestjs/common';
import { isTwitchEventType, normalizeTwitchEvent, type TwitchDeliveryMeta } from '@podium/chat';
import { ChatErrorCode, ChatException } from '../../../chat/chat.exception';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import { ChatPipeline } from '../../../chat/events/chat-pipeline';
import { storableText } from '../../webhook-text';

/**
 * One EventSub notification into the pipeline: normalized once, recorded for every connection of
 * its channel (several workspaces may follow one channel). Resolves once committed.
 */
@Injectable()
export class TwitchEventReceiver {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly pipeline: ChatPipeline,
  ) {}

  async receive(type: string, event: Record<string, unknown>, meta: TwitchDeliveryMeta): Promise<number> {
    if (!isTwitchEventType(type)) return 0;
    // A signed body need not hold an event object (`[]`, `{}`): malformed, not a server error.
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw new ChatException(ChatErrorCode.WebhookMalformed, 'the notification has no event');
    }
    const result = normalizeTwitchEvent(type, storableText(event), meta);
    if (result.status === 'invalid') throw new ChatException(ChatErrorCode.WebhookMalformed, result.message);
    let recorded = 0;
    for (const connection of await this.connections.byAccount('twitch', result.channelId)) {
      if (connection.status === 'disconnected') continue;
      recorded += (await this.pipeline.ingest(connection, [result.event])).recorded.length;
    }
    return recorded;
  }
}
