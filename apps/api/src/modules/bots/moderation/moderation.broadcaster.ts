import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../../common/events/domain-events';
import { rooms } from '../../realtime/rooms';
import { ModerationGateway } from './moderation.gateway';

/** New moderation log entries, to the workspace's organizers. */
@Injectable()
export class ModerationBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: ModerationGateway,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.on('moderation.logged', ({ entry }) => {
        this.gateway.server.to(rooms.workspace(entry.workspaceId)).emit('moderation.logged', entry);
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }
}
