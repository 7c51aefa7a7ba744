import type { ServerToClientEvents } from '@podium/contracts';
import type { PodiumSocket } from './socket.client';

/** Listeners for some of the server's pushes, by event. */
export type SocketListeners = Partial<ServerToClientEvents>;

/**
 * Adds each listener to the socket, which other screens share; the returned function removes
 * exactly these, leaving theirs in place.
 */
export function listenTo(socket: PodiumSocket, listeners: SocketListeners): () => void {
  // Socket.IO types on/off per event name; a table of them is checked where it is written.
  const entries = Object.entries(listeners) as [keyof ServerToClientEvents, never][];
  for (const [event, listener] of entries) socket.on(event, listener);
  return () => {
    for (const [event, listener] of entries) socket.off(event, listener);
  };
}
