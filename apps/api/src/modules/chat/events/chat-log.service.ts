import { Injectable } from '@nestjs/common';
import type { ChatLogDto, ChatLogQuerySchema } from '@podium/contracts';
import type { z } from 'zod';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { MeetingsRepository } from '../../meetings/meetings.repository';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { ConnectionsService } from '../connections/connections.service';
import { ChatHistoryRepository, type StreamEventStats } from './chat-history.repository';

/** The merged chat log an organizer reads: every platform's events of the workspace, in arrival order. */
@Injectable()
export class ChatLogService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly history: ChatHistoryRepository,
    private readonly access: WorkspaceAccess,
    private readonly connections: ConnectionsService,
    private readonly meetings: MeetingsRepository,
  ) {}

  async page(
    actor: Actor,
    workspaceId: string,
    query: z.output<typeof ChatLogQuerySchema>,
  ): Promise<ChatLogDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return { events: await this.history.log(this.tx.none, workspaceId, query) };
  }

  /** Viewers' chat messages since `since` on these connections (empty: all), Podium's own excluded. */
  messagesSince(workspaceId: string, since: Date, connectionIds: readonly string[] = []): Promise<number> {
    return this.history.countMessagesSince(this.tx.none, workspaceId, since, connectionIds);
  }

  /** When the workspace's latest stream started (any platform), or null: "this stream" for redeem limits. */
  latestStreamStart(workspaceId: string): Promise<Date | null> {
    return this.history.latestStreamStart(this.tx.none, workspaceId);
  }

  /** Roles, follow, subscription and Owncast sign-in of a viewer (and identities merged into it). */
  viewerFacts(
    workspaceId: string,
    viewerId: string,
  ): Promise<{ roles: string[]; followed: boolean; subscribed: boolean; owncastAuthenticated: boolean }> {
    return this.history.viewerFacts(this.tx.none, workspaceId, viewerId);
  }

  /** The stream a `stream_offline` event ends (its connection's start and end), or null. Reports read this. */
  streamEndedBy(
    offlineEventId: string,
  ): Promise<{ onlineEventId: string; startedAt: Date; endedAt: Date } | null> {
    return this.history.streamOpenedBefore(this.tx.none, offlineEventId);
  }

  /** What happened on one connection between two times: the numbers of a stream report. */
  streamStats(connectionId: string, from: Date, to: Date): Promise<StreamEventStats> {
    return this.history.streamStats(this.tx.none, connectionId, from, to);
  }

  /**
   * Connections that are live now: a platform's latest stream event is "online"; the in-room chat
   * is live while a meeting of the workspace runs.
   */
  async liveConnectionIds(workspaceId: string): Promise<string[]> {
    const live = new Set(await this.history.liveConnectionIds(this.tx.none, workspaceId));
    const inroom = (await this.connections.forWorkspace(workspaceId)).filter((c) => c.platform === 'inroom');
    if (inroom.length > 0 && (await this.meetings.listRunningIds(workspaceId)).length > 0) {
      for (const connection of inroom) live.add(connection.id);
    }
    return [...live];
  }
}
