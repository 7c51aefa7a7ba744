import { Module } from '@nestjs/common';
import { ChatModule } from '../../chat/chat.module';
import { WorkspacesModule } from '../../workspaces/workspaces.module';
import { IntegrationSecretsRepository } from './eventsub/eventsub-secret.repository';
import { TwitchEventSubSecret } from './eventsub/eventsub-secret';
import { EventSubAtTwitch } from './eventsub/eventsub-at-twitch';
import { EventSubFallback } from './eventsub/eventsub-fallback';
import { EventSubStatuses } from './eventsub/eventsub-status';
import { TwitchEventReceiver } from './eventsub/twitch-event-receiver';
import { TwitchEventSub } from './eventsub/twitch-eventsub.service';
import { TwitchOAuthController } from './oauth/twitch-oauth.controller';
import { TwitchOAuthService } from './oauth/twitch-oauth.service';
import { TwitchAdapter } from './twitch.adapter';
import { TwitchClients } from './twitch-clients';

/** Twitch: OAuth connect, EventSub in (webhooks or WebSocket), Helix chat out. */
@Module({
  imports: [ChatModule, WorkspacesModule],
  controllers: [TwitchOAuthController],
  providers: [
    TwitchClients,
    TwitchAdapter,
    TwitchOAuthService,
    TwitchEventSub,
    TwitchEventSubSecret,
    IntegrationSecretsRepository,
    EventSubStatuses,
    EventSubFallback,
    EventSubAtTwitch,
    TwitchEventReceiver,
  ],
  exports: [TwitchEventSub, TwitchClients],
})
export class TwitchModule {}
