import { Injectable, type OnModuleInit } from '@nestjs/common';
import { INROOM_MESSAGE_MAX_LENGTH } from '@podium/contracts';
import { DomainEvents } from '../../../common/events/domain-events';
import type {
  ConnectionRecord,
  ConnectionView,
  OutboundMessage,
  OutboxLimits,
  PlatformAdapter,
  SendOutcome,
} from '../platform-adapter';
import { PlatformAdapters } from '../platform-adapters';
import { MeetingsRepository } from '../../meetings/meetings.repository';

/** The in-room chat as a platform: "sending" is pushing the line to the attendees of running meetings. */
@Injectable()
export class InroomAdapter implements PlatformAdapter, OnModuleInit {
  readonly platform = 'inroom' as const;

  constructor(
    private readonly adapters: PlatformAdapters,
    private readonly meetings: MeetingsRepository,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.adapters.register(this);
  }

  limits(): OutboxLimits {
    return { maxLength: INROOM_MESSAGE_MAX_LENGTH, messages: 30, perMs: 10_000 };
  }

  view(): ConnectionView {
    return { transport: 'socket', subscriptions: [], quota: null, tokenExpiresAt: null, webhookUrl: null };
  }

  /** To its meeting, or (sent to "all") to every meeting of the workspace that is running. */
  async send(connection: ConnectionRecord, message: OutboundMessage): Promise<SendOutcome> {
    const meetingIds = message.meetingId
      ? [message.meetingId]
      : await this.meetings.listRunningIds(connection.workspaceId);
    if (meetingIds.length === 0) return { status: 'dropped', reason: 'No meeting is running' };
    const occurredAt = new Date().toISOString();
    for (const meetingId of meetingIds) {
      this.events.publish('inroom.messagePosted', {
        message: {
          id: message.id,
          meetingId,
          displayName: 'Host',
          text: message.text,
          fromHost: true,
          occurredAt,
        },
      });
    }
    return { status: 'sent', externalId: message.id };
  }
}
