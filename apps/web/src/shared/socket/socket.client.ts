import {
  type ClientToServerEvents,
  type MeDto,
  type ServerToClientEvents,
  SOCKET_PATH,
} from '@podium/contracts';
import { io, type Socket } from 'socket.io-client';
import { queryClient } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import { connectionStore } from './connection.store';
import { invalidationsFor, type LiveChange } from './live-invalidation';

export type PodiumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

let socket: PodiumSocket | null = null;
let holders = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;
let refusedAttempts = 0;
/** Set by `server.draining`: the next server disconnect is a shutdown, not a kick. */
let drainSpreadMs: number | null = null;

function myUserId(): string | undefined {
  return queryClient.getQueryData<MeDto | null>(queryKeys.me)?.user.id;
}

function invalidate(change: LiveChange): void {
  for (const { queryKey, exact } of invalidationsFor(change, myUserId())) {
    void queryClient.invalidateQueries({ queryKey, exact });
  }
}

/**
 * socket.io retries dropped connections by itself, but not a handshake the server refused
 * (`connect_error` with `socket.active === false`): a refused organizer may have lost their session,
 * so re-check `me` (the dashboard sends them to sign in) and try again with backoff.
 */
function scheduleRetry(): void {
  clearTimeout(retryTimer);
  refusedAttempts += 1;
  connectionStore.getState().attempting(refusedAttempts);
  const delay =
    Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (refusedAttempts - 1)) * (0.75 + Math.random() / 2);
  retryTimer = setTimeout(() => socket?.connect(), delay);
}

function createSocket(): PodiumSocket {
  const created: PodiumSocket = io({
    path: SOCKET_PATH,
    withCredentials: true,
    transports: ['websocket', 'polling'],
    autoConnect: false,
    reconnectionDelay: RETRY_BASE_MS,
    reconnectionDelayMax: 10_000,
  });

  // The server joins this socket to workspaces gained later (created, invited), so no rejoin is needed.
  created.on('session.ready', ({ serverTime }) => {
    const store = connectionStore.getState();
    const resync = store.everOnline;
    refusedAttempts = 0;
    store.online(serverTime);
    // Whatever changed while we were away was pushed to nobody: refetch what is on screen.
    if (resync) void queryClient.invalidateQueries();
  });
  created.on('server.draining', ({ reconnectWithinMs }) => {
    drainSpreadMs = reconnectWithinMs;
  });
  created.on('disconnect', (reason) => {
    connectionStore.getState().offline(reason);
    if (reason !== 'io server disconnect') return;
    if (drainSpreadMs !== null) {
      // A replica going away: come back soon (another replica answers); session.ready refetches.
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => socket?.connect(), Math.random() * drainSpreadMs);
      drainSpreadMs = null;
      return;
    }
    // The server closed us on purpose; socket.io will not come back by itself.
    scheduleRetry();
  });
  created.on('connect_error', (error) => {
    const store = connectionStore.getState();
    if (created.active) {
      // A transport failure: the manager is already retrying; just stop claiming to be live.
      if (store.state === 'online') store.offline(error.message);
      return;
    }
    store.offline(error.message);
    if (error.message === 'unauthenticated') void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    scheduleRetry();
  });
  created.io.on('reconnect_attempt', (attempt) => connectionStore.getState().attempting(attempt));

  created.on('workspace.renamed', (payload) => invalidate({ event: 'workspace.renamed', payload }));
  created.on('member.changed', (payload) => invalidate({ event: 'member.changed', payload }));
  created.on('overlay.revoked', (payload) => invalidate({ event: 'overlay.revoked', payload }));
  created.on('meeting.changed', (payload) => invalidate({ event: 'meeting.changed', payload }));
  return created;
}

/**
 * Holds the organizer's live connection open while a signed-in screen is mounted. Returns the
 * release function; the socket closes shortly after the last holder lets go.
 */
export function holdLiveConnection(): () => void {
  holders += 1;
  clearTimeout(releaseTimer);
  socket ??= createSocket();
  if (!socket.connected && !socket.active) {
    connectionStore.getState().connecting();
    socket.connect();
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    // Deferred, so a remount (route change, React strict mode) keeps the same connection.
    releaseTimer = setTimeout(() => {
      if (holders === 0) closeLiveConnection();
    }, 250);
  };
}

/**
 * The organizer's socket, for features that talk live (the meeting dashboard). null until a screen
 * holds the connection: call `holdLiveConnection()` first and keep holding it while in use.
 */
export function organizerSocket(): PodiumSocket | null {
  return socket;
}

/** Closes the connection now (sign-out) and forgets its state. */
export function closeLiveConnection(): void {
  clearTimeout(retryTimer);
  clearTimeout(releaseTimer);
  refusedAttempts = 0;
  drainSpreadMs = null;
  socket?.disconnect();
  connectionStore.getState().reset();
}
