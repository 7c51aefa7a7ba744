import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ChatEvent, OutboxMessageDto } from '@podium/contracts';
import { KeyedBatches } from '../../common/concurrency/keyed-batches';
import { DomainEvents } from '../../common/events/domain-events';
import { rooms } from '../realtime/rooms';
import { InroomChatGateway } from './inroom/inroom-chat.gateway';

/** How often, at most, one workspace's chat log pushes reach its organizers while events pour in. */
export const CHAT_PUSH_TICK_MS = 100;

/**
 * Chat pushes: the merged log and connection status to organizers, in-room lines to the meeting.
 * Recorded events and outgoing messages' statuses go on a per-workspace tick (KeyedBatches): a
 * raid records thousands of events a second, and bots answer a good part of them.
 */
@Injectable()
export class ChatBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChatBroadcaster.name);
  private readonly unsubscribe: (() => void)[] = [];
  private readonly recorded = new KeyedBatches<ChatEvent>({
    intervalMs: CHAT_PUSH_TICK_MS,
    flush: (workspaceId, events) =>
      this.gateway.server.to(rooms.workspace(workspaceId)).emit('chat.events', { workspaceId, events }),
    onError: (workspaceId, error) => this.logger.error({ err: error, workspaceId }, 'chat log push failed'),
  });
  /** Each message's latest status: queued and sent within one tick is pushed once, as sent. */
  private readonly outbox = new KeyedBatches<OutboxMessageDto>({
    intervalMs: CHAT_PUSH_TICK_MS,
    flush: (workspaceId, messages) =>
      this.gateway.server.to(rooms.workspace(workspaceId)).emit('chat.outbox', { workspaceId, messages }),
    onError: (workspaceId, error) => this.logger.error({ err: error, workspaceId }, 'outbox push failed'),
  });

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: InroomChatGateway,
  ) {}

  onModuleInit(): void {
    const io = () => this.gateway.server;
    this.unsubscribe.push(
      this.events.on('chat.eventRecorded', ({ event }) => this.recorded.add(event.workspaceId, event)),
      this.events.on('connection.changed', ({ connection }) => {
        io().to(rooms.workspace(connection.workspaceId)).emit('connection.changed', connection);
      }),
      this.events.on('connection.removed', (payload) => {
        io().to(rooms.workspace(payload.workspaceId)).emit('connection.removed', payload);
      }),
      this.events.on('chat.outboxChanged', ({ message, workspaceId }) =>
        this.outbox.add(workspaceId, message, message.id),
      ),
      this.events.on('inroom.messagePosted', ({ message }) => {
        io()
          .to([rooms.meetingAttendees(message.meetingId), rooms.meetingOrganizers(message.meetingId)])
          .emit('inroom.message', message);
      }),
      this.events.on('inroom.messageHidden', (payload) => {
        io()
          .to([rooms.meetingAttendees(payload.meetingId), rooms.meetingOrganizers(payload.meetingId)])
          .emit('inroom.hidden', payload);
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const off of this.unsubscribe) off();
    await Promise.all([this.recorded.stop(), this.outbox.stop()]);
  }
}
