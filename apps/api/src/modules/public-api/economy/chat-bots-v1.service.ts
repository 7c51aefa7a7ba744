import { Injectable } from '@nestjs/common';
import type {
  SendChatMessageResponse,
  V1AnnouncementTriggeredDto,
  V1BotKind,
  V1BotListDto,
  V1BotSwitchDto,
  V1SendChatRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { AnnouncementsService } from '../../bots/announcements/announcements.service';
import { AutoResponsesService } from '../../bots/auto-responses/auto-responses.service';
import { BotCommandsService } from '../../bots/commands/bot-commands.service';
import { RevolutionsService } from '../../bots/revolutions/revolutions.service';
import { ChatErrorCode, ChatException } from '../../chat/chat.exception';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { OutboxService } from '../../chat/outbox/outbox.service';
import type { ApiActor } from '../auth/api-token.guard';

type SendChat = z.output<typeof V1SendChatRequestSchema>;

/**
 * Chat and bots for the public API: say something through the outbox (rate-limited per connection
 * like every bot line), list the switchable bot features, switch one, post an announcement now.
 * The guard has checked the token's workspace and scope.
 */
@Injectable()
export class ChatBotsV1Service {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly outbox: OutboxService,
    private readonly commands: BotCommandsService,
    private readonly autoResponses: AutoResponsesService,
    private readonly announcements: AnnouncementsService,
    private readonly revolutions: RevolutionsService,
  ) {}

  /** To every connection, one platform's, or chosen ones (all must exist, on `platform` if given). */
  async send(actor: ApiActor, request: SendChat): Promise<SendChatMessageResponse> {
    const workspaceId = actor.workspaceId;
    let connectionIds = request.connectionIds?.length ? request.connectionIds : undefined;
    if (request.platform) {
      const onPlatform = (await this.connections.forWorkspace(workspaceId))
        .filter((connection) => connection.status !== 'disconnected')
        .filter((connection) => connection.platform === request.platform)
        .map((connection) => connection.id);
      if (connectionIds) {
        const allowed = new Set(onPlatform);
        if (connectionIds.some((id) => !allowed.has(id))) {
          throw new ChatException(
            ChatErrorCode.ConnectionNotFound,
            `Some of these connections are not ${request.platform} connections of this workspace`,
            { field: 'connectionIds' },
          );
        }
      } else {
        // An empty list would mean "every connection" to the outbox.
        if (onPlatform.length === 0) {
          throw new ChatException(
            ChatErrorCode.ConnectionNotFound,
            `This workspace has no connected ${request.platform} chat`,
            { field: 'platform' },
          );
        }
        connectionIds = onPlatform;
      }
    }
    return { queued: await this.outbox.enqueue(workspaceId, request.text, { connectionIds }) };
  }

  async list(actor: ApiActor): Promise<V1BotListDto> {
    const workspaceId = actor.workspaceId;
    const [commands, autoResponses, announcements, revolutions] = [
      await this.commands.listOf(workspaceId),
      await this.autoResponses.listOf(workspaceId),
      await this.announcements.listOf(workspaceId),
      await this.revolutions.listOf(workspaceId),
    ];
    return {
      bots: [
        ...commands.map((c) => switchDto('command', c.id, c.name, c)),
        ...autoResponses.map((a) => switchDto('autoResponse', a.id, a.terms[0] ?? '', a)),
        ...announcements.map((a) => switchDto('announcement', a.id, a.name, a)),
        ...revolutions.map((r) => switchDto('revolution', r.id, r.name, r)),
      ],
    };
  }

  async setEnabled(actor: ApiActor, kind: V1BotKind, id: string, enabled: boolean): Promise<V1BotSwitchDto> {
    const workspaceId = actor.workspaceId;
    switch (kind) {
      case 'command': {
        const c = await this.commands.updateOf(workspaceId, id, { enabled });
        return switchDto(kind, c.id, c.name, c);
      }
      case 'autoResponse': {
        const a = await this.autoResponses.updateOf(workspaceId, id, { enabled });
        return switchDto(kind, a.id, a.terms[0] ?? '', a);
      }
      case 'announcement': {
        const a = await this.announcements.updateOf(workspaceId, id, { enabled });
        return switchDto(kind, a.id, a.name, a);
      }
      case 'revolution': {
        const r = await this.revolutions.updateOf(workspaceId, id, { enabled });
        return switchDto(kind, r.id, r.name, r);
      }
    }
  }

  trigger(actor: ApiActor, announcementId: string): Promise<V1AnnouncementTriggeredDto> {
    return this.announcements.triggerAs(actor.workspaceId, announcementId);
  }
}

function switchDto(
  kind: V1BotKind,
  id: string,
  label: string,
  state: { enabled: boolean; updatedAt: string },
): V1BotSwitchDto {
  return { kind, id, label, enabled: state.enabled, updatedAt: state.updatedAt };
}
