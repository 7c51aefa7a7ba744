import type { ClientToServerEvents, ServerToClientEvents, SocketAuth } from '@podium/contracts';
import { SOCKET_PATH } from '@podium/contracts';
import { io, type Socket } from 'socket.io-client';
import type { OverlayConnectionEvent } from './connection-state';

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Opens the overlay's read-only socket with its token and reports what happens. socket.io
 * reconnects dropped connections by itself; a handshake the server refused for another reason than
 * the token (`unavailable`) is retried here with backoff. A bad token or a revocation ends it.
 */
export function connectOverlay(token: string, report: (event: OverlayConnectionEvent) => void): () => void {
  const auth: SocketAuth = { overlayToken: token };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: SOCKET_PATH,
    auth,
    transports: ['websocket', 'polling'],
    reconnectionDelay: RETRY_BASE_MS,
    reconnectionDelayMax: 10_000,
  });
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const stop = () => {
    stopped = true;
    clearTimeout(retryTimer);
    socket.disconnect();
  };

  const retryLater = () => {
    clearTimeout(retryTimer);
    retries += 1;
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (retries - 1));
    retryTimer = setTimeout(() => {
      if (!stopped) socket.connect();
    }, delay);
  };

  socket.on('session.ready', ({ serverTime }) => {
    retries = 0;
    report({ type: 'ready', serverTime, receivedAt: Date.now() });
  });
  socket.on('overlay.revoked', () => {
    report({ type: 'revoked' });
    stop();
  });
  socket.on('disconnect', (reason) => {
    if (stopped) return;
    report({ type: 'lost' });
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', (error) => {
    if (stopped) return;
    if (!socket.active && error.message === 'unauthenticated') {
      report({ type: 'refused' });
      stop();
      return;
    }
    report({ type: 'lost' });
    if (!socket.active) retryLater();
  });

  return stop;
}
