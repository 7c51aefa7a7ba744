import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../../common/events/domain-events';
import { rooms } from '../../realtime/rooms';
import { RevolutionsGateway } from './revolutions.gateway';

/** `revolution.progress` to the workspace's organizers, and to its overlays when the bot is shown there. */
@Injectable()
export class RevolutionsBroadcaster implements OnModuleInit, OnModuleDestroy {
  private off: (() => void) | undefined;

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: RevolutionsGateway,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on('revolution.progressed', ({ progress }) => {
      const audiences = [rooms.workspace(progress.workspaceId)];
      if (progress.showOnOverlay) audiences.push(rooms.overlay(progress.workspaceId));
      this.gateway.server.to(audiences).emit('revolution.progress', progress);
    });
  }

  onModuleDestroy(): void {
    this.off?.();
  }
}
