import { Body, Controller, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type SendChatMessageResponse,
  type V1AnnouncementTriggeredDto,
  type V1BotKind,
  type V1BotListDto,
  type V1BotSwitchDto,
  V1SendChatRequestSchema,
} from '@podium/contracts';
import { z } from 'zod';
import { UuidParam } from '../../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../auth/api-token.guard';
import { IdempotencyInterceptor } from '../auth/idempotency.interceptor';
import {
  ApiErrorResponse,
  ApiIdempotent,
  ApiV1Operation,
  ApiZodBody,
  ApiZodResponse,
} from '../openapi/zod-openapi';
import { ChatBotsV1Service } from './chat-bots-v1.service';
import { BOT_SWITCH_EXAMPLE, CHAT_SENT_EXAMPLE, TRIGGERED_EXAMPLE } from './economy-v1.examples';
import {
  SendChatMessageResponseSchema,
  V1AnnouncementTriggeredDtoSchema,
  V1BotListDtoSchema,
  V1BotSwitchDtoSchema,
} from './economy-v1.schemas';

/** The path segment of each switchable bot feature. */
const KIND_PATHS = {
  commands: 'command',
  'auto-responses': 'autoResponse',
  announcements: 'announcement',
  revolutions: 'revolution',
} as const satisfies Record<string, V1BotKind>;
type KindPath = keyof typeof KIND_PATHS;
const KindPathSchema = z.enum(Object.keys(KIND_PATHS) as [KindPath, ...KindPath[]]);

const KIND_PARAM = () =>
  ApiParam({
    name: 'kind',
    enum: Object.keys(KIND_PATHS),
    description: 'Which bot feature: custom commands, auto-responses, announcements or revolution bots',
  });
const NO_BOT = () =>
  ApiErrorResponse(404, 'bots.announcement_not_found', 'No such announcement in this workspace');

/** `/api/v1/workspaces/:workspaceId/chat` and `/bots`: say something, switch bots, announce now. */
@ApiTags('v1: chat and bots')
@Controller('v1/workspaces/:workspaceId')
export class ChatBotsV1Controller {
  constructor(private readonly chatBots: ChatBotsV1Service) {}

  @Post('chat/messages')
  @HttpCode(202)
  @ApiTokenAuth('chat:send')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @ApiErrorResponse(404, 'chat.connection_not_found', 'This workspace has no connected owncast chat')
  @ApiV1Operation(
    'Send a chat message',
    'Queues `text` as the bot on every connected chat of the workspace (Twitch, YouTube, Owncast, the ' +
      'in-room chat, rehearsal), on one `platform`, or on chosen `connectionIds`. It goes through the ' +
      "outbox: sent in order, no faster than each platform allows, split to the platform's length. " +
      'The answer lists the queued lines (their `status` moves on as they are sent). Needs `chat:send`.',
  )
  @ApiZodBody(V1SendChatRequestSchema, { text: 'Giveaway starts in 5 minutes!', platform: 'twitch' })
  @ApiZodResponse(202, SendChatMessageResponseSchema, CHAT_SENT_EXAMPLE, 'Queued')
  send(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @Body({ schema: V1SendChatRequestSchema }) body: z.output<typeof V1SendChatRequestSchema>,
  ): Promise<SendChatMessageResponse> {
    return this.chatBots.send(actor, body);
  }

  @Get('bots')
  @ApiTokenAuth('bots:write')
  @ApiV1Operation(
    'List switchable bots',
    'Custom commands, auto-responses, announcements and revolution bots with their ids and whether ' +
      'each is on: what the enable/disable and trigger operations take. Needs `bots:write`.',
  )
  @ApiZodResponse(200, V1BotListDtoSchema, { bots: [BOT_SWITCH_EXAMPLE] })
  list(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
  ): Promise<V1BotListDto> {
    return this.chatBots.list(actor);
  }

  @Post('bots/:kind/:id/enable')
  @HttpCode(200)
  @ApiTokenAuth('bots:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @KIND_PARAM()
  @ApiErrorResponse(404, 'bots.command_not_found', 'No such command')
  @ApiV1Operation(
    'Enable a bot feature',
    'Switches a custom command, auto-response, announcement or revolution bot on (changes nothing if it ' +
      'is on). Needs `bots:write`.',
  )
  @ApiZodResponse(200, V1BotSwitchDtoSchema, { ...BOT_SWITCH_EXAMPLE, enabled: true })
  enable(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @Param('kind', { schema: KindPathSchema }) kind: KindPath,
    @UuidParam('id') id: string,
  ): Promise<V1BotSwitchDto> {
    return this.chatBots.setEnabled(actor, KIND_PATHS[kind], id, true);
  }

  @Post('bots/:kind/:id/disable')
  @HttpCode(200)
  @ApiTokenAuth('bots:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @KIND_PARAM()
  @ApiErrorResponse(404, 'bots.command_not_found', 'No such command')
  @ApiV1Operation(
    'Disable a bot feature',
    'Switches a custom command, auto-response, announcement or revolution bot off: it stops answering, ' +
      'posting or counting until enabled again. Needs `bots:write`.',
  )
  @ApiZodResponse(200, V1BotSwitchDtoSchema, BOT_SWITCH_EXAMPLE)
  disable(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @Param('kind', { schema: KindPathSchema }) kind: KindPath,
    @UuidParam('id') id: string,
  ): Promise<V1BotSwitchDto> {
    return this.chatBots.setEnabled(actor, KIND_PATHS[kind], id, false);
  }

  @Post('bots/announcements/:announcementId/trigger')
  @HttpCode(200)
  @ApiTokenAuth('bots:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_BOT()
  @ApiV1Operation(
    'Post an announcement now',
    "Posts the announcement's next message at once (enabled or not, whatever its schedule, live-only " +
      'rule or chat minimum) to its chosen connections, or every connected chat. The rotation moves on ' +
      'and its period starts again, so the scheduler does not repeat it right after. Each call posts ' +
      'once: send an `Idempotency-Key` so a retried call does not post twice. Needs `bots:write`.',
  )
  @ApiZodResponse(200, V1AnnouncementTriggeredDtoSchema, TRIGGERED_EXAMPLE)
  trigger(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('announcementId') announcementId: string,
  ): Promise<V1AnnouncementTriggeredDto> {
    return this.chatBots.trigger(actor, announcementId);
  }
}
