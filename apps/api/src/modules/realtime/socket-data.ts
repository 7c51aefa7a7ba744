import type { ClientToServerEvents, ServerToClientEvents } from '@podium/contracts';
import type { Server, Socket } from 'socket.io';

/** Who a socket is, set once in the handshake. */
export type SocketData =
  | { audience: 'organizer'; userId: string }
  | { audience: 'overlay'; workspaceId: string; tokenId: string }
  | { audience: 'attendee'; attendeeId: string; meetingId: string; workspaceId: string };

/** Questions replicas ask each other through the Redis adapter (besides its own). */
export interface InterServerEvents {
  /** Which attendees of this meeting are connected to you? (answered with their ids) */
  'meeting.presentAttendees': (meetingId: string, reply: (attendeeIds: string[]) => void) => void;
  /** The meeting's scores moved: push each of your attendees their own. */
  'meeting.scoresChanged': (meetingId: string) => void;
}

export type PodiumServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PodiumSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
