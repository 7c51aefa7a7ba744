import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../../common/events/domain-events';
import { rooms } from '../../realtime/rooms';
import { ObsGateway } from './obs.gateway';

/**
 * `obs.actionRequested` → `obs.action` to the workspace's overlays. Only the `obs` overlay page acts
 * on it (through `window.obsstudio`); the other overlay pages do not listen for it.
 */
@Injectable()
export class ObsActionsBroadcaster implements OnModuleInit, OnModuleDestroy {
  private off: (() => void) | null = null;

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: ObsGateway,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on('obs.actionRequested', (payload) => {
      this.gateway.server.to(rooms.overlay(payload.workspaceId)).emit('obs.action', payload);
    });
  }

  onModuleDestroy(): void {
    this.off?.();
  }
}
