import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  type Ack,
  type GoalsSnapshotDto,
  type RecentRedeemsSnapshotDto,
  SOCKET_PATH,
  type VotesSnapshotDto,
} from '@podium/contracts';
import { z } from 'zod';
import { toApiError } from '../../../common/errors/exception.filter';
import { ValidationException } from '../../../common/errors/validation.exception';
import { TransactionRunner } from '../../../database/transaction';
import type { PodiumServer, PodiumSocket } from '../../realtime/socket-data';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { VotesService } from '../votes/votes.service';
import { GoalsService, socketWorkspace } from './goals.service';
import { RecentRedeemsRepository } from './recent-redeems.repository';

const SnapshotRequestSchema = z.object({ workspaceId: z.uuid().optional() }).default({});

/**
 * Snapshots for the goal, vote and recent-redeems overlays (and dashboards), asked after every
 * (re)connect. Same path as the realtime gateway, whose handshake has set `socket.data`.
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class GoalsVotesGateway {
  private readonly logger = new Logger(GoalsVotesGateway.name);

  @WebSocketServer()
  server!: PodiumServer;

  constructor(
    private readonly goals: GoalsService,
    private readonly votes: VotesService,
    private readonly recent: RecentRedeemsRepository,
    private readonly access: WorkspaceAccess,
    private readonly tx: TransactionRunner,
  ) {}

  @SubscribeMessage('goals.snapshot')
  goalsSnapshot(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<GoalsSnapshotDto>> {
    return this.answer('goals.snapshot', body, (workspaceId) =>
      this.goals.snapshotFor(socket.data, workspaceId),
    );
  }

  @SubscribeMessage('votes.snapshot')
  votesSnapshot(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<VotesSnapshotDto>> {
    return this.answer('votes.snapshot', body, (workspaceId) =>
      this.votes.snapshotFor(socket.data, workspaceId),
    );
  }

  @SubscribeMessage('redeems.recentSnapshot')
  recentSnapshot(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<RecentRedeemsSnapshotDto>> {
    return this.answer('redeems.recentSnapshot', body, async (workspaceId) => {
      const workspace = await socketWorkspace(this.access, socket.data, workspaceId);
      return {
        redeems: await this.recent.latest(this.tx.none, workspace),
        serverTime: new Date().toISOString(),
      };
    });
  }

  private async answer<T>(
    event: string,
    body: unknown,
    work: (workspaceId: string | undefined) => Promise<T>,
  ): Promise<Ack<T>> {
    try {
      const parsed = SnapshotRequestSchema.safeParse(body ?? {});
      if (!parsed.success) throw ValidationException.fromIssues(parsed.error.issues);
      return { ok: true, data: await work(parsed.data.workspaceId) };
    } catch (error) {
      const { body: apiError } = toApiError(error);
      if (apiError.statusCode >= 500) this.logger.error({ err: error }, `${event} failed`);
      return { ok: false, error: apiError };
    }
  }
}
