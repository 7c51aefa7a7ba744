import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { type Ack, type AlertsSnapshotDto, SOCKET_PATH } from '@podium/contracts';
import { z } from 'zod';
import { ackOf, parsePayload } from '../../meetings/live/socket-ack';
import type { PodiumServer, PodiumSocket } from '../../realtime/socket-data';
import { AlertsService } from './alerts.service';

const SnapshotSchema = z.object({ workspaceId: z.uuid().optional() });

/** `alerts.snapshot` for overlays (and organizers' previews) after a (re)connect. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class AlertsGateway {
  /** The one Socket.IO server; AlertsBroadcaster pushes through it. */
  @WebSocketServer()
  server!: PodiumServer;

  constructor(private readonly alerts: AlertsService) {}

  @SubscribeMessage('alerts.snapshot')
  snapshot(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<AlertsSnapshotDto>> {
    return ackOf(
      async () => {
        const { workspaceId } = parsePayload(SnapshotSchema, body ?? {});
        return this.alerts.snapshotFor(socket.data, workspaceId);
      },
      { event: 'alerts.snapshot' },
    );
  }
}
