import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SOCKET_PATH } from '@podium/contracts';
import type { PodiumServer } from '../../realtime/socket-data';

/** No requests of its own: the handle on the one Socket.IO server that ModerationBroadcaster pushes through. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class ModerationGateway {
  @WebSocketServer()
  server!: PodiumServer;
}
