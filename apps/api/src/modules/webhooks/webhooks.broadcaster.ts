import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { rooms } from '../realtime/rooms';
import { WebhooksGateway } from './webhooks.gateway';

/** Webhook pushes to the workspace's organizers: subscriptions (disabled after failures) and attempts. */
@Injectable()
export class WebhooksBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: WebhooksGateway,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.on('webhook.subscriptionChanged', ({ subscription }) => {
        this.gateway.server
          .to(rooms.workspace(subscription.workspaceId))
          .emit('webhooks.subscriptionChanged', { subscription });
      }),
      this.events.on('webhook.deliveryChanged', (payload) => {
        this.gateway.server
          .to(rooms.workspace(payload.workspaceId))
          .emit('webhooks.deliveryChanged', payload);
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }
}
