import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { rooms } from '../realtime/rooms';
import { PointsGateway } from './points.gateway';

/** `points.changed` to the workspace's organizers once a balance change committed. */
@Injectable()
export class PointsBroadcaster implements OnModuleInit, OnModuleDestroy {
  private off: (() => void) | undefined;

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: PointsGateway,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on('points.changed', (change) => {
      this.gateway.server.to(rooms.workspace(change.workspaceId)).emit('points.changed', change);
    });
  }

  onModuleDestroy(): void {
    this.off?.();
  }
}
