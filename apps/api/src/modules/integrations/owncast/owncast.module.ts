import { Module } from '@nestjs/common';
import { ChatModule } from '../../chat/chat.module';
import { WorkspacesModule } from '../../workspaces/workspaces.module';
import { OwncastAdapter } from './owncast.adapter';
import { OwncastController } from './owncast.controller';
import { OwncastApiClient } from './owncast-api.client';
import { OwncastConnectService } from './owncast-connect.service';
import { OwncastWebhookController } from './owncast-webhook.controller';
import { OwncastWebhookService } from './owncast-webhook.service';

/** Owncast: connect with an instance URL and access token, webhooks in, integrations API out. */
@Module({
  imports: [ChatModule, WorkspacesModule],
  controllers: [OwncastController, OwncastWebhookController],
  providers: [OwncastApiClient, OwncastAdapter, OwncastConnectService, OwncastWebhookService],
  exports: [OwncastAdapter],
})
export class OwncastModule {}
