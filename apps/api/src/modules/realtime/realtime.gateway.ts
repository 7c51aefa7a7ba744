import { Logger } from '@nestjs/common';
import { type OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  SOCKET_PATH,
  type SocketAuth,
} from '@podium/contracts';
import { parse as parseCookies } from 'cookie';
import type { Server, Socket } from 'socket.io';
import { SESSION_COOKIE } from '../../common/http/session-cookie';
import { AuthService } from '../auth/auth.service';
import { OverlaysService } from '../overlays/overlays.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { rooms } from './rooms';

export type PodiumServer = Server<ClientToServerEvents, ServerToClientEvents>;
type PodiumSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * Authenticates every socket in the handshake (session cookie for organizers, `auth.overlayToken`
 * for overlays) and joins it to its rooms. A refused handshake ends in `connect_error: unauthenticated`.
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class RealtimeGateway implements OnGatewayInit {
  private readonly logger = new Logger(RealtimeGateway.name);

  @WebSocketServer()
  server!: PodiumServer;

  constructor(
    private readonly auth: AuthService,
    private readonly workspaces: WorkspacesService,
    private readonly overlays: OverlaysService,
  ) {}

  afterInit(server: PodiumServer): void {
    server.use((socket, next) => {
      this.admit(socket).then(
        (admitted) => next(admitted ? undefined : new Error('unauthenticated')),
        (error: unknown) => {
          this.logger.error({ err: error }, 'socket handshake failed');
          next(new Error('unavailable'));
        },
      );
    });
  }

  private async admit(socket: PodiumSocket): Promise<boolean> {
    const { overlayToken } = (socket.handshake.auth ?? {}) as SocketAuth;
    if (typeof overlayToken === 'string' && overlayToken.length > 0) {
      const overlay = await this.overlays.resolve(overlayToken);
      if (!overlay) return false;
      await socket.join([rooms.overlay(overlay.workspaceId), rooms.overlayToken(overlay.tokenId)]);
      this.ready(socket, 'overlay', [overlay.workspaceId]);
      return true;
    }
    const sessionToken = parseCookies(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    const actor = sessionToken ? await this.auth.actorForSessionToken(sessionToken) : null;
    if (!actor) return false;
    const workspaceIds = (await this.workspaces.membershipsOf(actor.userId)).map((m) => m.workspaceId);
    await socket.join([rooms.user(actor.userId), ...workspaceIds.map(rooms.workspace)]);
    this.ready(socket, 'organizer', workspaceIds);
    return true;
  }

  /** Sent once the middleware has let the socket in, so the client's listeners are attached. */
  private ready(socket: PodiumSocket, kind: 'organizer' | 'overlay', workspaceIds: string[]): void {
    setImmediate(() =>
      socket.emit('session.ready', { kind, workspaceIds, serverTime: new Date().toISOString() }),
    );
  }

  @SubscribeMessage('ping')
  ping(): { serverTime: string } {
    return { serverTime: new Date().toISOString() };
  }
}
