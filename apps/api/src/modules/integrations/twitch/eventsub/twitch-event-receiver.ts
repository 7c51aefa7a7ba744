import { Injectable } from '@nestjs/common';
import { isTwitchEventType, normalizeTwitchEvent, type TwitchDeliveryMeta } from '@podium/chat';
import { ChatErrorCode, ChatException } from '../../../chat/chat.exception';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import { ChatPipeline } from '../../../chat/events/chat-pipeline';

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
    const result = normalizeTwitchEvent(type, event, meta);
    if (result.status === 'invalid') throw new ChatException(ChatErrorCode.WebhookMalformed, result.message);
    let recorded = 0;
    for (const connection of await this.connections.byAccount('twitch', result.channelId)) {
      if (connection.status === 'disconnected') continue;
      recorded += (await this.pipeline.ingest(connection, [result.event])).recorded.length;
    }
    return recorded;
  }
}
