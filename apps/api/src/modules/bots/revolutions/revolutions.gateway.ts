import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { type Ack, type RevolutionsSnapshotDto, SOCKET_PATH } from '@podium/contracts';
import { z } from 'zod';
import { toApiError } from '../../../common/errors/exception.filter';
import { ValidationException } from '../../../common/errors/validation.exception';
import type { PodiumServer, PodiumSocket } from '../../realtime/socket-data';
import { RevolutionsService } from './revolutions.service';

const SnapshotRequestSchema = z.object({ workspaceId: z.uuid().optional() }).default({});

/**
 * `revolutions.snapshot` for overlays and dashboards (after every (re)connect). Same path as the
 * realtime gateway, so the handshake there has already set `socket.data`.
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class RevolutionsGateway {
  private readonly logger = new Logger(RevolutionsGateway.name);

  @WebSocketServer()
  server!: PodiumServer;

  constructor(private readonly revolutions: RevolutionsService) {}

  @SubscribeMessage('revolutions.snapshot')
  async snapshot(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<RevolutionsSnapshotDto>> {
    try {
      const parsed = SnapshotRequestSchema.safeParse(body ?? {});
      if (!parsed.success) throw ValidationException.fromIssues(parsed.error.issues);
      return { ok: true, data: await this.revolutions.snapshotFor(socket.data, parsed.data.workspaceId) };
    } catch (error) {
      const { body: apiError } = toApiError(error);
      if (apiError.statusCode >= 500) this.logger.error({ err: error }, 'revolutions.snapshot failed');
      return { ok: false, error: apiError };
    }
  }
}
