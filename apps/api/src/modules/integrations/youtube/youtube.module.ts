import { Module } from '@nestjs/common';
import { ChatModule } from '../../chat/chat.module';
import { WorkspacesModule } from '../../workspaces/workspaces.module';
import { YoutubePollJob } from './jobs/youtube-poll.job';
import { YoutubeApiClient } from './youtube-api.client';
import { YoutubeCalls } from './youtube-calls.service';
import { YoutubeOAuthController } from './youtube-oauth.controller';
import { YoutubeOAuthService } from './youtube-oauth.service';
import { YoutubePoller } from './youtube-poller';
import { YoutubeStateRepository } from './youtube-state.repository';
import { YoutubeAdapter } from './youtube.adapter';

/** YouTube: OAuth connect, live chat polling within the daily quota, and sending to the chat. */
@Module({
  imports: [ChatModule, WorkspacesModule],
  controllers: [YoutubeOAuthController],
  providers: [
    YoutubeApiClient,
    YoutubeStateRepository,
    YoutubeCalls,
    YoutubePoller,
    YoutubePollJob,
    YoutubeOAuthService,
    YoutubeAdapter,
  ],
})
export class YoutubeModule {}
