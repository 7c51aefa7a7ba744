import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ChatEvent, InroomChatMessageDto, InroomChatSend } from '@podium/contracts';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { createRateLimiter } from '../../redis/rate-limiter';
import { RedisService } from '../../redis/redis.service';
import { ChatErrorCode, ChatException } from '../chat.exception';
import { ConnectionsService } from '../connections/connections.service';
import { ChatHistoryRepository } from '../events/chat-history.repository';
import { ChatPipeline } from '../events/chat-pipeline';
import { OutboxRepository } from '../outbox/outbox.repository';
import { AttendeesRepository } from '../../meetings/attendees/attendees.repository';
import { InroomModerationRepository } from './inroom-moderation.repository';

/** Lines an attendee may post per 10 seconds: a conversation, not a flood. */
export const INROOM_MESSAGES_PER_10_S = 5;
const HISTORY = 100;

export interface AttendeeRef {
  attendeeId: string;
  meetingId: string;
  workspaceId: string;
}

/** The attendee page's chat: lines go through the same pipeline as every platform's messages. */
@Injectable()
export class InroomChatService {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    private readonly pipeline: ChatPipeline,
    private readonly connections: ConnectionsService,
    private readonly attendees: AttendeesRepository,
    private readonly chatHistory: ChatHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly domainEvents: DomainEvents,
    private readonly tx: TransactionRunner,
    private readonly moderation: InroomModerationRepository,
    redis: RedisService,
  ) {
    this.limiter = createRateLimiter(redis, 'inroom-chat', INROOM_MESSAGES_PER_10_S, 10);
  }

  async post(attendee: AttendeeRef, request: InroomChatSend): Promise<InroomChatMessageDto> {
    const who = await this.attendees.findById(attendee.attendeeId);
    if (who?.meetingId !== attendee.meetingId)
      throw new ChatException(ChatErrorCode.NotInMeeting, 'You are not in this meeting any more');
    const silence = await this.moderation.silenceOf(this.tx.none, attendee.attendeeId);
    if (silence) {
      const seconds = silence.until ? Math.ceil((silence.until.getTime() - Date.now()) / 1000) : undefined;
      throw new ChatException(
        ChatErrorCode.Silenced,
        seconds === undefined
          ? 'A moderator removed you from this chat'
          : `A moderator silenced you: you can write again in ${seconds} s`,
        seconds === undefined ? undefined : { retryAfterSeconds: seconds },
      );
    }
    try {
      await this.limiter.consume(attendee.attendeeId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw new ChatException(ChatErrorCode.RateLimited, `Slow down: you can write again in ${seconds} s`, {
        retryAfterSeconds: seconds,
      });
    }
    const connection = await this.connections.ensureInroom(attendee.workspaceId);
    const messageId = request.messageId ?? randomUUID();
    const { recorded } = await this.pipeline.ingest(connection, [
      {
        kind: 'message',
        externalId: `${attendee.attendeeId}:${messageId}`,
        viewer: {
          platform: 'inroom',
          platformUserId: attendee.attendeeId,
          displayName: who.nickname,
          roles: [],
        },
        text: request.text,
        fragments: [{ type: 'text', text: request.text }],
        occurredAt: new Date().toISOString(),
        meetingId: attendee.meetingId,
      },
    ]);
    const event = recorded[0];
    // A resend of a line already posted: acknowledged again, shown once.
    if (!event)
      return {
        id: messageId,
        meetingId: attendee.meetingId,
        displayName: who.nickname,
        text: request.text,
        fromHost: false,
        occurredAt: new Date().toISOString(),
      };
    const message = toInroomMessage(event);
    this.domainEvents.publish('inroom.messagePosted', { message });
    return message;
  }

  /** The meeting's recent lines, attendees' and the host's, oldest first. */
  async history(meetingId: string): Promise<InroomChatMessageDto[]> {
    const [said, hosted, hidden] = await Promise.all([
      this.chatHistory.recentForMeeting(this.tx.none, meetingId, HISTORY),
      this.outbox.sentToMeeting(this.tx.none, meetingId, HISTORY),
      this.moderation.hiddenIn(this.tx.none, meetingId),
    ]);
    const lines = [
      ...said.filter((event) => !hidden.has(event.id)).map(toInroomMessage),
      ...hosted.map((row) => ({
        id: row.id,
        meetingId,
        displayName: 'Host',
        text: row.text,
        fromHost: true,
        occurredAt: new Date(row.sent_at ?? row.created_at).toISOString(),
      })),
    ];
    return lines.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).slice(-HISTORY);
  }
}

function toInroomMessage(event: ChatEvent): InroomChatMessageDto {
  return {
    id: event.id,
    meetingId: event.meetingId ?? '',
    displayName: event.viewer?.displayName ?? '',
    text: event.text ?? '',
    fromHost: false,
    occurredAt: event.occurredAt,
  };
}
