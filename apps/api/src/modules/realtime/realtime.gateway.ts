import { Logger } from '@nestjs/common';
import { type OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SOCKET_PATH, type SocketAudience, type SocketAuth } from '@podium/contracts';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE } from '../../common/http/session-cookie';
import { AuthService } from '../auth/auth.service';
import { AttendeesService } from '../meetings/attendees/attendees.service';
import { OverlaysService } from '../overlays/overlays.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { rooms } from './rooms';
import { ServerDrain } from './server-drain';
import type { PodiumServer, PodiumSocket } from './socket-data';

export type { PodiumServer, PodiumSocket } from './socket-data';

/**
 * Authenticates every socket in the handshake (session cookie for organizers, `auth.overlayToken`
 * for overlays, `auth.attendeeToken` for attendees), sets `socket.data` and joins it to its rooms.
 * A refused handshake ends in `connect_error: unauthenticated`.
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
    private readonly attendees: AttendeesService,
    private readonly drainState: ServerDrain,
  ) {}

  /**
   * Shutdown: tells this process's sockets (not other replicas': `local`) that the server is going,
   * then disconnects them. Clients reconnect after a random wait below `reconnectWithinMs`, through
   * the proxy to a replica still listening, and resync there.
   */
  drain(reconnectWithinMs: number): number {
    this.drainState.start();
    const local = this.server.local;
    const count = this.server.of('/').sockets.size;
    local.emit('server.draining', { reconnectWithinMs });
    // Queued after the notice on each connection, so clients always see the notice first.
    local.disconnectSockets(true);
    return count;
  }

  afterInit(server: PodiumServer): void {
    server.use((socket, next) => {
      // Each gateway (one per domain module) listens to the socket's disconnect: expected, not a leak.
      socket.setMaxListeners(50);
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
    const { overlayToken, attendeeToken } = (socket.handshake.auth ?? {}) as SocketAuth;
    if (typeof overlayToken === 'string' && overlayToken.length > 0) {
      const overlay = await this.overlays.resolve(overlayToken);
      if (!overlay) return false;
      socket.data = { audience: 'overlay', workspaceId: overlay.workspaceId, tokenId: overlay.tokenId };
      await socket.join([rooms.overlay(overlay.workspaceId), rooms.overlayToken(overlay.tokenId)]);
      this.ready(socket, 'overlay', [overlay.workspaceId]);
      return true;
    }
    if (typeof attendeeToken === 'string' && attendeeToken.length > 0) {
      const attendee = await this.attendees.resolveToken(attendeeToken);
      if (!attendee) return false;
      const { attendeeId, meetingId, workspaceId } = attendee;
      socket.data = { audience: 'attendee', attendeeId, meetingId, workspaceId };
      await socket.join(rooms.attendee(attendeeId));
      // Attendees learn nothing about workspaces; their meeting is in their token.
      this.ready(socket, 'attendee', []);
      return true;
    }
    const sessionToken = parseCookies(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    const actor = sessionToken ? await this.auth.actorForSessionToken(sessionToken) : null;
    if (!actor) return false;
    const workspaceIds = (await this.workspaces.membershipsOf(actor.userId)).map((m) => m.workspaceId);
    socket.data = { audience: 'organizer', userId: actor.userId };
    await socket.join([rooms.user(actor.userId), ...workspaceIds.map(rooms.workspace)]);
    this.ready(socket, 'organizer', workspaceIds);
    return true;
  }

  /** Sent once the middleware has let the socket in, so the client's listeners are attached. */
  private ready(socket: PodiumSocket, kind: SocketAudience, workspaceIds: string[]): void {
    setImmediate(() =>
      socket.emit('session.ready', { kind, workspaceIds, serverTime: new Date().toISOString() }),
    );
  }

  @SubscribeMessage('ping')
  ping(): { serverTime: string } {
    return { serverTime: new Date().toISOString() };
  }
}
