import type {
  Ack,
  AlertsSnapshotDto,
  ClientToServerEvents,
  ServerToClientEvents,
  SocketAuth,
} from '@podium/contracts';
import { SOCKET_PATH } from '@podium/contracts';
import { io, type Socket } from 'socket.io-client';
import type { AlertsFeedEvent } from './alerts-feed';

const SNAPSHOT_TIMEOUT_MS = 8_000;
const SNAPSHOT_RETRY_MS = 3_000;

/**
 * The alerts overlay's feed: on every (re)connection a fresh `alerts.snapshot`, then the
 * `alert.queued` and `timer.changed` pushes. Connection status is the page's own socket's job.
 */
export function connectAlerts(token: string, report: (event: AlertsFeedEvent) => void): () => void {
  const auth: SocketAuth = { overlayToken: token };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: SOCKET_PATH,
    auth,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  });
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const resync = () => {
    if (stopped || !socket.connected) return;
    clearTimeout(retry);
    const mine = ++seq;
    socket
      .timeout(SNAPSHOT_TIMEOUT_MS)
      .emit('alerts.snapshot', {}, (err: Error | null, ack: Ack<AlertsSnapshotDto>) => {
        if (stopped || mine !== seq) return;
        if (!err && ack.ok) report({ type: 'snapshot', snapshot: ack.data, receivedAt: Date.now() });
        else retry = setTimeout(resync, SNAPSHOT_RETRY_MS);
      });
  };

  socket.on('session.ready', ({ serverTime }) => {
    report({ type: 'clock', serverTime, receivedAt: Date.now() });
    resync();
  });
  socket.on('alert.queued', ({ alert }) => report({ type: 'queued', alert }));
  socket.on('timer.changed', ({ timer }) => report({ type: 'timer', timer }));
  socket.on('overlay.revoked', () => stop());

  function stop(): void {
    stopped = true;
    clearTimeout(retry);
    socket.disconnect();
  }
  return stop;
}
