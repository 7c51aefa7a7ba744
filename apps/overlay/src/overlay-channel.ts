import type {
  Ack,
  AlertsSnapshotDto,
  ClientToServerEvents,
  GoalsSnapshotDto,
  RecentRedeemsSnapshotDto,
  RevolutionsSnapshotDto,
  ServerToClientEvents,
  VotesSnapshotDto,
} from '@podium/contracts';
import type { Socket } from 'socket.io-client';

export type OverlaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The snapshots a view's feed may ask for, with what each answers. */
export interface OverlayRequests {
  'alerts.snapshot': AlertsSnapshotDto;
  'revolutions.snapshot': RevolutionsSnapshotDto;
  'goals.snapshot': GoalsSnapshotDto;
  'votes.snapshot': VotesSnapshotDto;
  'redeems.recentSnapshot': RecentRedeemsSnapshotDto;
}

/** The server's clock as `session.ready` gave it, with the local time it arrived. */
export interface SessionClock {
  serverTime: string;
  receivedAt: number;
}

/**
 * The page's one socket as a view's feed sees it: pushes to listen to, snapshots to ask for, and
 * each (re)connected session to resync on. Every subscription returns its own unsubscribe, so a
 * view that goes away removes only what it added; the page owns the socket itself.
 */
export interface OverlayChannel {
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void;
  /** Runs at once if a session is up, then after every reconnection (pushes meanwhile reached nobody). */
  onSession(listener: (clock: SessionClock) => void): () => void;
  /** True while a session is up: asking is worth it. */
  connected(): boolean;
  /** The server's answer, or null when not connected or not answered within `timeoutMs`. */
  request<E extends keyof OverlayRequests>(
    event: E,
    timeoutMs: number,
  ): Promise<Ack<OverlayRequests[E]> | null>;
}

/** Listener and emitter signatures without socket.io's per-event overloads (the channel types them). */
interface UntypedSocket {
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  timeout(ms: number): {
    emit(event: string, payload: object, ack: (err: Error | null, answer: unknown) => void): unknown;
  };
}

/** The channel over `socket`; the owner calls `sessionStarted` on each `session.ready`, `sessionEnded` on a loss. */
export function createOverlayChannel(socket: OverlaySocket): {
  channel: OverlayChannel;
  sessionStarted: (clock: SessionClock) => void;
  sessionEnded: () => void;
} {
  const raw = socket as unknown as UntypedSocket;
  const sessionListeners = new Set<(clock: SessionClock) => void>();
  let session: SessionClock | null = null;

  const channel: OverlayChannel = {
    on: (event, listener) => {
      const untyped = listener as (...args: never[]) => void;
      raw.on(event, untyped);
      return () => {
        raw.off(event, untyped);
      };
    },
    onSession: (listener) => {
      sessionListeners.add(listener);
      if (session) listener(session);
      return () => {
        sessionListeners.delete(listener);
      };
    },
    connected: () => session !== null && socket.connected,
    request: (event, timeoutMs) =>
      new Promise((resolve) => {
        if (!channel.connected()) {
          resolve(null);
          return;
        }
        raw.timeout(timeoutMs).emit(event, {}, (err, answer) => {
          resolve(err ? null : (answer as Ack<OverlayRequests[typeof event]>));
        });
      }),
  };

  return {
    channel,
    sessionStarted: (clock) => {
      session = clock;
      for (const listener of [...sessionListeners]) listener(clock);
    },
    sessionEnded: () => {
      session = null;
    },
  };
}

export const SNAPSHOT_TIMEOUT_MS = 8_000;
export const SNAPSHOT_RETRY_MS = 3_000;

/**
 * Asks for `event`'s snapshot on every (re)connected session and on `refresh()`; a failed or
 * timed-out answer is asked again while connected, and only the latest request's answer counts.
 */
export function followSnapshot<E extends keyof OverlayRequests>(
  channel: OverlayChannel,
  event: E,
  received: (snapshot: OverlayRequests[E]) => void,
): { refresh: () => void; stop: () => void } {
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const refresh = () => {
    clearTimeout(retry);
    if (stopped || !channel.connected()) return;
    const mine = ++seq;
    void channel.request(event, SNAPSHOT_TIMEOUT_MS).then((ack) => {
      if (stopped || mine !== seq) return;
      if (ack?.ok) received(ack.data);
      else retry = setTimeout(refresh, SNAPSHOT_RETRY_MS);
    });
  };
  const offSession = channel.onSession(refresh);

  return {
    refresh,
    stop: () => {
      stopped = true;
      clearTimeout(retry);
      offSession();
    },
  };
}
