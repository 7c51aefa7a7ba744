import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { rehearsalBurstInputs, rehearsalEventInput } from '@podium/bots';
import type {
  ChatEventInput,
  ParsedRehearsalBurst,
  ParsedRehearsalEvent,
  RehearsalInjectionDto,
  RehearsalStatusDto,
} from '@podium/contracts';
import type { Actor } from '../../auth/auth.service';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { ChatLogService } from '../../chat/events/chat-log.service';
import { ChatPipeline } from '../../chat/events/chat-pipeline';
import type { ConnectionRecord } from '../../chat/platform-adapter';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';

/**
 * Rehearsal mode: injects fake viewers' events into the workspace's `rehearsal` connection through
 * the ordinary pipeline, so every bot, alert, question and points rule reacts as it would live.
 * Moderators only: what they inject lands in the same log and counters as real chat.
 */
@Injectable()
export class RehearsalService {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly connections: ConnectionsService,
    private readonly pipeline: ChatPipeline,
    private readonly chatLog: ChatLogService,
  ) {}

  async status(actor: Actor, workspaceId: string): Promise<RehearsalStatusDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.statusOf(await this.ensureConnection(workspaceId));
  }

  /** One event; a resent `eventId` records nothing new (the pipeline's unique key). */
  async inject(
    actor: Actor,
    workspaceId: string,
    request: ParsedRehearsalEvent,
  ): Promise<RehearsalInjectionDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.ingest(workspaceId, [
      rehearsalEventInput(request, request.eventId ?? randomUUID(), new Date()),
    ]);
  }

  /** The same line from many distinct fake viewers, recorded together. */
  async burst(
    actor: Actor,
    workspaceId: string,
    request: ParsedRehearsalBurst,
  ): Promise<RehearsalInjectionDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.ingest(workspaceId, rehearsalBurstInputs(request, randomUUID(), new Date()));
  }

  private async ingest(workspaceId: string, inputs: ChatEventInput[]): Promise<RehearsalInjectionDto> {
    const connection = await this.ensureConnection(workspaceId);
    const { recorded } = await this.pipeline.ingest(connection, inputs);
    return { status: await this.statusOf(connection), events: recorded };
  }

  /** Live like any platform: when the latest stream event injected on it is stream_online. */
  private async statusOf(connection: ConnectionRecord): Promise<RehearsalStatusDto> {
    const live = await this.chatLog.liveConnectionIds(connection.workspaceId);
    return { connectionId: connection.id, live: live.includes(connection.id) };
  }

  /** Created the first time a workspace rehearses, like the in-room chat's connection. */
  private async ensureConnection(workspaceId: string): Promise<ConnectionRecord> {
    const existing = (await this.connections.byAccount('rehearsal', workspaceId)).find(
      (connection) => connection.workspaceId === workspaceId,
    );
    if (existing?.status === 'connected') return existing;
    const created =
      existing ??
      (await this.connections.connect({
        workspaceId,
        platform: 'rehearsal',
        accountId: workspaceId,
        accountName: 'Rehearsal',
      }));
    await this.connections.setStatus(created.id, 'connected');
    return { ...created, status: 'connected', statusDetail: null };
  }
}
