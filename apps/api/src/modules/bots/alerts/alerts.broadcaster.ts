import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../../common/events/domain-events';
import { rooms } from '../../realtime/rooms';
import { AlertsGateway } from './alerts.gateway';

/** Queued alerts and the countdown, to the workspace's overlays and organizers. */
@Injectable()
export class AlertsBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: AlertsGateway,
  ) {}

  onModuleInit(): void {
    const io = () => this.gateway.server;
    this.unsubscribe.push(
      this.events.on('alert.queued', ({ alert }) => {
        io()
          .to([rooms.overlay(alert.workspaceId), rooms.workspace(alert.workspaceId)])
          .emit('alert.queued', { workspaceId: alert.workspaceId, alert });
      }),
      this.events.on('timer.changed', ({ workspaceId, timer }) => {
        io()
          .to([rooms.overlay(workspaceId), rooms.workspace(workspaceId)])
          .emit('timer.changed', { workspaceId, timer });
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }
}
