import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { RealtimeGateway } from './realtime.gateway';
import { rooms } from './rooms';

/** Turns committed domain events into socket pushes; business code never emits to sockets. */
@Injectable()
export class Broadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: RealtimeGateway,
  ) {}

  onModuleInit(): void {
    const io = () => this.gateway.server;
    this.unsubscribe.push(
      // Sockets pick their rooms at the handshake: open ones join new workspaces here.
      this.events.on('workspace.created', ({ workspace, ownerUserId }) => {
        io().in(rooms.user(ownerUserId)).socketsJoin(rooms.workspace(workspace.id));
      }),
      this.events.on('workspace.renamed', ({ workspace }) => {
        io().to(rooms.workspace(workspace.id)).emit('workspace.renamed', { workspace });
      }),
      this.events.on('member.joined', ({ workspaceId, userId, role }) => {
        io().in(rooms.user(userId)).socketsJoin(rooms.workspace(workspaceId));
        io().to(rooms.workspace(workspaceId)).emit('member.changed', { workspaceId, userId, role });
      }),
      this.events.on('member.roleChanged', ({ workspaceId, userId, role }) => {
        io().to(rooms.workspace(workspaceId)).emit('member.changed', { workspaceId, userId, role });
      }),
      this.events.on('member.removed', ({ workspaceId, userId }) => {
        io().to(rooms.workspace(workspaceId)).emit('member.changed', { workspaceId, userId, role: null });
        io().in(rooms.user(userId)).socketsLeave(rooms.workspace(workspaceId));
      }),
      this.events.on('overlayToken.revoked', ({ workspaceId, tokenId }) => {
        io().to(rooms.overlayToken(tokenId)).emit('overlay.revoked', { workspaceId });
        io().in(rooms.overlayToken(tokenId)).disconnectSockets(true);
      }),
      this.events.on('meeting.changed', ({ meetingId, reason }) => {
        const audiences = [
          rooms.meetingOrganizers(meetingId),
          rooms.meetingAttendees(meetingId),
          rooms.meetingOverlays(meetingId),
        ];
        io().to(audiences).emit('meeting.changed', { meetingId });
        // A reset or a deletion removed the attendees: their tokens no longer open anything.
        if (reason !== 'edited') io().in(rooms.meetingAttendees(meetingId)).disconnectSockets(true);
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }
}
