import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ChatLogDto,
  ChatLogQuerySchema,
  type ConnectionDto,
  type MergeViewersRequest,
  MergeViewersRequestSchema,
  type SendChatMessageRequest,
  SendChatMessageRequestSchema,
  type SendChatMessageResponse,
  type ViewerDto,
} from '@podium/contracts';
import { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { ChatLogService } from './events/chat-log.service';
import { ConnectionsService } from './connections/connections.service';
import { OutboxService } from './outbox/outbox.service';
import { ViewersService } from './viewers/viewers.service';

const ViewerSearchSchema = z.string().max(100).default('');

@ApiTags('chat')
@Controller('workspaces/:workspaceId')
export class ChatController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly log: ChatLogService,
    private readonly outbox: OutboxService,
    private readonly viewers: ViewersService,
  ) {}

  @RequireRole('moderator')
  @Get('connections')
  listConnections(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<ConnectionDto[]> {
    return this.connections.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Get('connections/:connectionId')
  getConnection(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('connectionId') connectionId: string,
  ): Promise<ConnectionDto> {
    return this.connections.get(actor, workspaceId, connectionId);
  }

  /** Disconnects: revokes the platform tokens and subscriptions, then forgets the connection and its events. */
  @RequireRole('owner')
  @Delete('connections/:connectionId')
  @HttpCode(204)
  disconnect(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('connectionId') connectionId: string,
  ): Promise<void> {
    return this.connections.remove(actor, workspaceId, connectionId);
  }

  /** The merged chat log across platforms, newest last. */
  @RequireRole('viewer')
  @Get('chat/events')
  events(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: ChatLogQuerySchema }) query: z.output<typeof ChatLogQuerySchema>,
  ): Promise<ChatLogDto> {
    return this.log.page(actor, workspaceId, query);
  }

  /** "Send as bot": queued per connection and sent within each platform's rate limit. */
  @RequireRole('moderator')
  @Post('chat/messages')
  @HttpCode(202)
  send(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: SendChatMessageRequestSchema }) body: SendChatMessageRequest,
  ): Promise<SendChatMessageResponse> {
    return this.outbox.send(actor, workspaceId, body);
  }

  @RequireRole('viewer')
  @Get('viewers')
  searchViewers(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query('search', { schema: ViewerSearchSchema }) search: string,
  ): Promise<ViewerDto[]> {
    return this.viewers.search(actor, workspaceId, search);
  }

  /** Links one person's identities across platforms; the source's history moves to the target. */
  @RequireRole('moderator')
  @Post('viewers/merge')
  @HttpCode(200)
  merge(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: MergeViewersRequestSchema }) body: MergeViewersRequest,
  ): Promise<ViewerDto> {
    return this.viewers.merge(actor, workspaceId, body);
  }
}
