import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SOCKET_PATH } from '@podium/contracts';
import type { PodiumServer } from '../../realtime/socket-data';

/** The socket server the OBS action broadcaster pushes through (same path as the realtime gateway). */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class ObsGateway {
  @WebSocketServer()
  server!: PodiumServer;
}
