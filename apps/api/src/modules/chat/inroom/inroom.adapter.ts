import { Injectable, type OnModuleInit } from '@nestjs/common';
import { INROOM_MESSAGE_MAX_LENGTH } from '@podium/contracts';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import type {
  ConnectionRecord,
  ConnectionView,
  ModerationOutcome,
  ModerationRequest,
  OutboundMessage,
  OutboxLimits,
  PlatformAdapter,
  SendOutcome,
} from '../platform-adapter';
import { PlatformAdapters } from '../platform-adapters';
import { MeetingsRepository } from '../../meetings/meetings.repository';
import { InroomModerationRepository } from './inroom-moderation.repository';

/** The in-room chat as a platform: "sending" is pushing the line to the attendees of running meetings. */
@Injectable()
export class InroomAdapter implements PlatformAdapter, OnModuleInit {
  readonly platform = 'inroom' as const;

  constructor(
    private readonly adapters: PlatformAdapters,
    private readonly meetings: MeetingsRepository,
    private readonly events: DomainEvents,
    private readonly moderation: InroomModerationRepository,
    private readonly tx: TransactionRunner,
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

  /**
   * Hides the line (attendee pages drop it, the history leaves it out); a timeout or ban also
   * silences the attendee's `inroom.send` for the duration or for good.
   */
  async moderate(
    connection: ConnectionRecord,
    { event, action }: ModerationRequest,
  ): Promise<ModerationOutcome> {
    const meetingId = event.meetingId;
    if (!meetingId) return { status: 'failed', reason: 'The line belongs to no meeting' };
    if (await this.moderation.hide(this.tx.none, event.id, connection.workspaceId, meetingId)) {
      this.events.publish('inroom.messageHidden', { meetingId, messageId: event.id });
    }
    const attendeeId = event.viewer?.platformUserId;
    if (action.type !== 'delete' && attendeeId) {
      const until = action.type === 'timeout' ? new Date(Date.now() + action.seconds * 1000) : null;
      await this.moderation.silence(this.tx.none, attendeeId, connection.workspaceId, until);
    }
    return { status: 'done' };
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
