import type {
  Ack,
  ClientToServerEvents,
  RevolutionsSnapshotDto,
  ServerToClientEvents,
  SocketAuth,
} from '@podium/contracts';
import { SOCKET_PATH } from '@podium/contracts';
import { io, type Socket } from 'socket.io-client';
import type { RevolutionFeedEvent } from './revolution-feed';

const SNAPSHOT_TIMEOUT_MS = 8_000;
const SNAPSHOT_RETRY_MS = 3_000;

/**
 * The revolution overlay's feed: a `revolutions.snapshot` on every (re)connection and whenever
 * `refresh()` is called, then the `revolution.progress` pushes. Connection status is the page's
 * own socket's job.
 */
export function connectRevolutions(
  token: string,
  report: (event: RevolutionFeedEvent) => void,
): { refresh: () => void; stop: () => void } {
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

  const refresh = () => {
    if (stopped || !socket.connected) return;
    clearTimeout(retry);
    const mine = ++seq;
    socket
      .timeout(SNAPSHOT_TIMEOUT_MS)
      .emit('revolutions.snapshot', {}, (err: Error | null, ack: Ack<RevolutionsSnapshotDto>) => {
        if (stopped || mine !== seq) return;
        if (!err && ack.ok) report({ type: 'snapshot', snapshot: ack.data });
        else retry = setTimeout(refresh, SNAPSHOT_RETRY_MS);
      });
  };

  socket.on('session.ready', () => refresh());
  socket.on('revolution.progress', (progress) => report({ type: 'progress', progress }));
  socket.on('overlay.revoked', () => stop());

  function stop(): void {
    stopped = true;
    clearTimeout(retry);
    socket.disconnect();
  }
  return { refresh, stop };
}
