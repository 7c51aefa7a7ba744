import type { ClientToServerEvents, ServerToClientEvents } from '@podium/contracts';
import type { Server, Socket } from 'socket.io';

/** Who a socket is, set once in the handshake. */
export type SocketData =
  | { audience: 'organizer'; userId: string }
  | { audience: 'overlay'; workspaceId: string; tokenId: string }
  | { audience: 'attendee'; attendeeId: string; meetingId: string; workspaceId: string };

/** Nothing is sent between replicas but what the Redis adapter itself carries. */
export type InterServerEvents = Record<string, never>;

export type PodiumServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PodiumSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
