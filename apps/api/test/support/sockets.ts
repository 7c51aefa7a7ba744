import type { ClientToServerEvents, ServerToClientEvents, SocketReadyPayload } from '@podium/contracts';
import { io, type Socket } from 'socket.io-client';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real Socket.IO client; resolves once the server says the session is ready. */
export function connectSocket(
  baseUrl: string,
  options: { cookie?: string; overlayToken?: string; attendeeToken?: string } = {},
): Promise<{ socket: TestSocket; ready: SocketReadyPayload }> {
  const socket: TestSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
    auth: {
      ...(options.overlayToken ? { overlayToken: options.overlayToken } : {}),
      ...(options.attendeeToken ? { attendeeToken: options.attendeeToken } : {}),
    },
  });
  return new Promise((resolve, reject) => {
    socket.once('session.ready', (ready) => resolve({ socket, ready }));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Waits for one event, failing after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  ms = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${ms} ms`)), ms);
    (socket as unknown as { once(e: string, l: (p: unknown) => void): void }).once(
      String(event),
      (payload) => {
        clearTimeout(timer);
        resolve(payload as Parameters<ServerToClientEvents[E]>[0]);
      },
    );
  });
}
