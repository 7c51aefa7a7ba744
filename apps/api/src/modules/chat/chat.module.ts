import { Module } from '@nestjs/common';
import { SecretBox } from '../../common/crypto/secret-box';
import { MeetingsModule } from '../meetings/meetings.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ChatBroadcaster } from './chat.broadcaster';
import { ChatController } from './chat.controller';
import { ConnectionsRepository } from './connections/connections.repository';
import { ConnectionsService } from './connections/connections.service';
import { ChatEventsRepository } from './events/chat-events.repository';
import { ChatHistoryRepository } from './events/chat-history.repository';
import { ChatLogService } from './events/chat-log.service';
import { ChatPipeline } from './events/chat-pipeline';
import { InroomAdapter } from './inroom/inroom.adapter';
import { InroomChatGateway } from './inroom/inroom-chat.gateway';
import { InroomChatService } from './inroom/inroom-chat.service';
import { InroomModerationRepository } from './inroom/inroom-moderation.repository';
import { OAuthState } from './oauth/oauth-state';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { PlatformAdapters } from './platform-adapters';
import { ViewersRepository } from './viewers/viewers.repository';
import { ViewersService } from './viewers/viewers.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectionEntity } from './connections/connection.entity';

/**
 * The chat core: connections, the event pipeline (record once, then handle), viewers, the
 * rate-limited outbox and the in-room chat. Platforms plug in through PlatformAdapters from their
 * own modules (integrations/*), so nothing here knows Twitch, YouTube or Owncast.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ConnectionEntity]), WorkspacesModule, MeetingsModule],
  controllers: [ChatController],
  providers: [
    SecretBox,
    PlatformAdapters,
    ConnectionsRepository,
    ConnectionsService,
    ChatEventsRepository,
    ChatHistoryRepository,
    ChatPipeline,
    ChatLogService,
    ViewersRepository,
    ViewersService,
    OutboxRepository,
    OutboxService,
    OAuthState,
    InroomAdapter,
    InroomChatService,
    InroomChatGateway,
    InroomModerationRepository,
    ChatBroadcaster,
  ],
  exports: [
    PlatformAdapters,
    ConnectionsService,
    ChatPipeline,
    OutboxService,
    OAuthState,
    SecretBox,
    ChatLogService,
    ViewersService,
  ],
})
export class ChatModule {}
