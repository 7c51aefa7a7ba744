/** What the status pill shows; `revoked` and `unauthorized` are final: no more reconnecting. */
export type OverlayStatus = 'connecting' | 'online' | 'offline' | 'revoked' | 'unauthorized';

export interface OverlayConnection {
  status: OverlayStatus;
  /** From the last `session.ready`, with the local time it arrived, to keep a clock running. */
  serverTime: string | null;
  receivedAt: number | null;
}

export type OverlayConnectionEvent =
  | { type: 'ready'; serverTime: string; receivedAt: number }
  | { type: 'lost' }
  | { type: 'refused' }
  | { type: 'revoked' };

export const initialConnection: OverlayConnection = {
  status: 'connecting',
  serverTime: null,
  receivedAt: null,
};

export function isFinal(status: OverlayStatus): boolean {
  return status === 'revoked' || status === 'unauthorized';
}

export function reduceConnection(state: OverlayConnection, event: OverlayConnectionEvent): OverlayConnection {
  if (isFinal(state.status)) return state;
  switch (event.type) {
    case 'ready':
      return { status: 'online', serverTime: event.serverTime, receivedAt: event.receivedAt };
    case 'lost':
      return { ...state, status: 'offline' };
    case 'refused':
      return { ...state, status: 'unauthorized' };
    case 'revoked':
      return { ...state, status: 'revoked' };
  }
}

/** The server's clock now, from its last reading and the local time elapsed since. */
export function serverNow(connection: OverlayConnection, now: number): Date | null {
  if (!connection.serverTime || connection.receivedAt === null) return null;
  const base = Date.parse(connection.serverTime);
  return Number.isNaN(base) ? null : new Date(base + (now - connection.receivedAt));
}
