import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@podium/contracts';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type RequestOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends keyof ClientToServerEvents> = Parameters<
  Extract<Parameters<ClientToServerEvents[E]>[1], (...args: never[]) => void>
>[0];

/** A Socket.IO client as the web app opens it; resolves once the server says the session is ready. */
export function connectLive(
  baseUrl: string,
  auth: { cookie?: string; attendeeToken?: string; overlayToken?: string },
): Promise<LiveSocket> {
  const socket: LiveSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: auth.cookie ? { cookie: auth.cookie } : undefined,
    auth: {
      ...(auth.attendeeToken ? { attendeeToken: auth.attendeeToken } : {}),
      ...(auth.overlayToken ? { overlayToken: auth.overlayToken } : {}),
    },
  });
  return new Promise((resolve, reject) => {
    socket.once('session.ready', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits an event and resolves with its ack, typed from the contract. */
export function request<E extends keyof ClientToServerEvents>(
  socket: LiveSocket,
  event: E,
  payload: RequestOf<E>,
  ms = 10_000,
): Promise<AckOf<E>> {
  const timed = socket.timeout(ms) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<AckOf<E>>;
  };
  return timed.emitWithAck(event, payload);
}

export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** Every payload of `event` the socket receives from now on. */
export function record<E extends keyof ServerToClientEvents>(
  socket: LiveSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  (socket as unknown as { on(e: string, l: (p: unknown) => void): void }).on(event, (payload) =>
    seen.push(payload as Parameters<ServerToClientEvents[E]>[0]),
  );
  return seen;
}
