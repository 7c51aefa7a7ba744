import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { rooms } from '../realtime/rooms';
import { InroomChatGateway } from './inroom/inroom-chat.gateway';

/** Chat pushes: the merged log and connection status to organizers, in-room lines to the meeting. */
@Injectable()
export class ChatBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: InroomChatGateway,
  ) {}

  onModuleInit(): void {
    const io = () => this.gateway.server;
    this.unsubscribe.push(
      this.events.on('chat.eventRecorded', ({ event }) => {
        io().to(rooms.workspace(event.workspaceId)).emit('chat.event', event);
      }),
      this.events.on('connection.changed', ({ connection }) => {
        io().to(rooms.workspace(connection.workspaceId)).emit('connection.changed', connection);
      }),
      this.events.on('connection.removed', (payload) => {
        io().to(rooms.workspace(payload.workspaceId)).emit('connection.removed', payload);
      }),
      this.events.on('chat.outboxChanged', ({ message, workspaceId }) => {
        io().to(rooms.workspace(workspaceId)).emit('chat.outbox', message);
      }),
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

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }
}
