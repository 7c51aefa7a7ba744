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

/**
 * Rehearsal mode as a platform: nobody is on the other end, so a send succeeds at once and the
 * line shows in the merged chat log through the outbox's push. Limits are generous: a rehearsal
 * is where an organizer tries a burst of bot replies without waiting on a platform's rate.
 */
@Injectable()
export class RehearsalAdapter implements PlatformAdapter, OnModuleInit {
  readonly platform = 'rehearsal' as const;

  constructor(private readonly adapters: PlatformAdapters) {}

  onModuleInit(): void {
    this.adapters.register(this);
  }

  limits(): OutboxLimits {
    return { maxLength: CHAT_SEND_MAX_LENGTH, messages: 100, perMs: 1_000 };
  }

  view(): ConnectionView {
    return { transport: 'socket', subscriptions: [], quota: null, tokenExpiresAt: null, webhookUrl: null };
  }

  send(_connection: ConnectionRecord, message: OutboundMessage): Promise<SendOutcome> {
    return Promise.resolve({ status: 'sent', externalId: message.id });
  }
}
