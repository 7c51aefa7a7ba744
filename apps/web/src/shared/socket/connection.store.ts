import { createStore, useStore } from 'zustand';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface ConnectionStoreState {
  state: ConnectionState;
  /** Times the live connection came back after being lost (0 until the first drop heals). */
  reconnectCount: number;
  /** The reconnection attempt under way while not online; 0 when online. */
  attempt: number;
  /** Whether `session.ready` has ever arrived: the next one is a reconnect that needs a resync. */
  everOnline: boolean;
  serverTime: string | null;
  lastError: string | null;

  connecting: () => void;
  online: (serverTime: string) => void;
  offline: (reason: string) => void;
  attempting: (attempt: number) => void;
  reset: () => void;
}

const initial = {
  state: 'connecting' as ConnectionState,
  reconnectCount: 0,
  attempt: 0,
  everOnline: false,
  serverTime: null,
  lastError: null,
};

export function createConnectionStore() {
  return createStore<ConnectionStoreState>()((set) => ({
    ...initial,
    connecting: () => set((s) => ({ state: s.everOnline ? 'offline' : 'connecting' })),
    online: (serverTime) =>
      set((s) => ({
        state: 'online',
        attempt: 0,
        lastError: null,
        serverTime,
        everOnline: true,
        reconnectCount: s.everOnline && s.state !== 'online' ? s.reconnectCount + 1 : s.reconnectCount,
      })),
    offline: (reason) => set({ state: 'offline', lastError: reason }),
    attempting: (attempt) => set((s) => ({ attempt, state: s.everOnline ? 'offline' : 'connecting' })),
    reset: () => set({ ...initial }),
  }));
}

/** The one live-connection store, fed by the socket module. */
export const connectionStore = createConnectionStore();

export function useConnection<T>(selector: (state: ConnectionStoreState) => T): T {
  return useStore(connectionStore, selector);
}
