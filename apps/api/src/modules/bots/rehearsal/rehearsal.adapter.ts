import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CHAT_SEND_MAX_LENGTH } from '@podium/contracts';
import type {
  ConnectionRecord,
  ConnectionView,
  OutboundMessage,
  OutboxLimits,
  PlatformAdapter,
  SendOutcome,
} from '../../chat/platform-adapter';
import { PlatformAdapters } from '../../chat/platform-adapters';
import { ChatPipeline } from '../../chat/events/chat-pipeline';

/** Who speaks for Podium in a rehearsal: flagged as a bot, so bots never answer their own lines. */
const REHEARSAL_BOT = {
  platform: 'rehearsal',
  platformUserId: 'rehearsal:podium-bot',
  displayName: 'Podium',
  roles: ['moderator'],
} as const;

/**
 * Rehearsal mode as a platform: nobody is on the other end, so a send succeeds at once and, as
 * Owncast and Twitch do, the line comes back as a chat message of the bot, shown in the merged
 * chat log among the fake viewers' lines. Limits are generous: a rehearsal
 * is where an organizer tries a burst of bot replies without waiting on a platform's rate.
 */
@Injectable()
export class RehearsalAdapter implements PlatformAdapter, OnModuleInit {
  readonly platform = 'rehearsal' as const;

  constructor(
    private readonly adapters: PlatformAdapters,
    private readonly pipeline: ChatPipeline,
  ) {}

  onModuleInit(): void {
    this.adapters.register(this);
  }

  limits(): OutboxLimits {
    return { maxLength: CHAT_SEND_MAX_LENGTH, messages: 100, perMs: 1_000 };
  }

  view(): ConnectionView {
    return { transport: 'socket', subscriptions: [], quota: null, tokenExpiresAt: null, webhookUrl: null };
  }

  async send(connection: ConnectionRecord, message: OutboundMessage): Promise<SendOutcome> {
    await this.pipeline.ingest(connection, [
      {
        kind: 'message',
        externalId: `echo:${message.id}`,
        viewer: { ...REHEARSAL_BOT, roles: [...REHEARSAL_BOT.roles] },
        text: message.text,
        detail: { isBot: true },
        occurredAt: new Date().toISOString(),
      },
    ]);
    return { status: 'sent', externalId: message.id };
  }
}
