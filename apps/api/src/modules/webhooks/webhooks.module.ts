import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { PublicApiModule } from '../public-api/public-api.module';
import { RedeemsModule } from '../redeems/redeems.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookEventsListener } from './webhook-events.listener';
import { WebhookSender } from './webhook-sender';
import { WebhooksBroadcaster } from './webhooks.broadcaster';
import { WebhooksController } from './webhooks.controller';
import { WebhooksGateway } from './webhooks.gateway';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';
import { WebhooksV1Controller } from './webhooks-v1.controller';

/**
 * Outbound webhooks: subscriptions (admin and public API), events from the other modules' domain
 * events, signed deliveries from jobs with retries, the delivery log, Discord's message shape.
 */
@Module({
  imports: [ChatModule, WorkspacesModule, MeetingsModule, RedeemsModule, PublicApiModule],
  controllers: [WebhooksController, WebhooksV1Controller],
  providers: [
    WebhooksRepository,
    WebhooksService,
    WebhookDeliveries,
    WebhookSender,
    WebhookEventsListener,
    WebhooksGateway,
    WebhooksBroadcaster,
  ],
  exports: [WebhooksService],
})
export class WebhooksModule {}
