import type { Ack, MeetingSnapshotDto, SocketAuth } from '@podium/contracts';
import { SOCKET_PATH } from '@podium/contracts';
import { createJoinWindow } from '@podium/ui';
import { io } from 'socket.io-client';
import type { OverlayConnectionEvent } from './connection-state';
import { createOverlayChannel, type OverlayChannel, type OverlaySocket } from './overlay-channel';
import type { MeetingFeedEvent } from './meeting-feed';

const JOIN_TIMEOUT_MS = 8_000;

/** A meeting to follow once connected; `report` returns true when the overlay must resync. */
export interface MeetingFollow {
  meetingId: string;
  report: (event: MeetingFeedEvent) => boolean;
  /** After each answer to `meeting.join`: when to ask again (nothing there yet), or null. */
  rejoinDelay: () => number | null;
}

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export interface OverlayLink {
  /** The same socket for the page's views: their own pushes and snapshots (alerts, revolutions). */
  channel: OverlayChannel;
  stop: () => void;
}

/**
 * Opens the overlay's read-only socket with its token and reports what happens. socket.io
 * reconnects dropped connections by itself; a handshake the server refused for another reason than
 * the token (`unavailable`) is retried here with backoff. A bad token or a revocation ends it.
 * One socket per page: views subscribe through the returned channel instead of opening their own.
 */
export function connectOverlay(
  token: string,
  report: (event: OverlayConnectionEvent) => void,
  follow: MeetingFollow | null = null,
): OverlayLink {
  const auth: SocketAuth = { overlayToken: token };
  const socket: OverlaySocket = io({
    path: SOCKET_PATH,
    auth,
    transports: ['websocket', 'polling'],
    reconnectionDelay: RETRY_BASE_MS,
    reconnectionDelayMax: 10_000,
  });
  const { channel, sessionStarted, sessionEnded } = createOverlayChannel(socket);
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  let joinSeq = 0;
  let stopped = false;
  const joinWindow = createJoinWindow();
  /** Set by `server.draining`: the next server disconnect is a shutdown, not a kick. */
  let drainSpreadMs: number | null = null;

  const stop = () => {
    stopped = true;
    joinWindow.cancel();
    sessionEnded();
    clearTimeout(retryTimer);
    clearTimeout(rejoinTimer);
    socket.disconnect();
  };

  /** Asks for a fresh snapshot; only the latest request's answer counts. */
  const join = () => {
    if (!follow || stopped || !socket.connected) return;
    clearTimeout(rejoinTimer);
    const seq = ++joinSeq;
    joinWindow.open();
    socket
      .timeout(JOIN_TIMEOUT_MS)
      .emit(
        'meeting.join',
        { meetingId: follow.meetingId },
        (err: Error | null, ack: Ack<MeetingSnapshotDto>) => {
          if (stopped || seq !== joinSeq) return;
          if (err) {
            follow.report({
              type: 'joinFailed',
              error: { statusCode: 0, code: 'client.timeout', message: 'meeting.join timed out' },
            });
          } else if (ack.ok) {
            follow.report({ type: 'snapshot', snapshot: ack.data, now: Date.now() });
            if (joinWindow.close()) {
              join();
              return;
            }
          } else {
            follow.report({ type: 'joinFailed', error: ack.error });
          }
          const delay = follow.rejoinDelay();
          if (delay !== null) rejoinTimer = setTimeout(join, delay);
          else joinWindow.cancel();
        },
      );
  };
  const resyncIf = (resync: boolean) => {
    if (resync) join();
  };
  /** A state push may end the followed meeting: then look for the next one now and then. */
  const afterState = (resync: boolean) => {
    resyncIf(resync);
    if (!follow || resync) return;
    clearTimeout(rejoinTimer);
    const delay = follow.rejoinDelay();
    if (delay !== null) rejoinTimer = setTimeout(join, delay);
  };

  const retryLater = () => {
    clearTimeout(retryTimer);
    // A replica going away: come back soon, another replica answers (and the join resyncs).
    const draining = drainSpreadMs;
    drainSpreadMs = null;
    if (draining === null) retries += 1;
    const delay =
      draining !== null
        ? Math.random() * draining
        : Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (retries - 1));
    retryTimer = setTimeout(() => {
      if (!stopped) socket.connect();
    }, delay);
  };

  socket.on('session.ready', ({ serverTime }) => {
    retries = 0;
    const receivedAt = Date.now();
    report({ type: 'ready', serverTime, receivedAt });
    // Every (re)connection: whatever happened while away was pushed to nobody.
    sessionStarted({ serverTime, receivedAt });
    join();
  });
  if (follow) {
    socket.on('meeting.state', (payload) =>
      joinWindow.push(() => afterState(follow.report({ type: 'state', payload, now: Date.now() }))),
    );
    socket.on('meeting.results', (payload) =>
      joinWindow.push(() => resyncIf(follow.report({ type: 'results', payload }))),
    );
    socket.on('meeting.scoreboard', (payload) =>
      joinWindow.push(() => resyncIf(follow.report({ type: 'scoreboard', payload }))),
    );
    socket.on('meeting.changed', () => join());
  }
  socket.on('overlay.revoked', () => {
    report({ type: 'revoked' });
    stop();
  });
  socket.on('server.draining', ({ reconnectWithinMs }) => {
    drainSpreadMs = reconnectWithinMs;
  });
  socket.on('disconnect', (reason) => {
    sessionEnded();
    if (stopped) return;
    report({ type: 'lost' });
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', (error) => {
    sessionEnded();
    if (stopped) return;
    if (!socket.active && error.message === 'unauthenticated') {
      report({ type: 'refused' });
      stop();
      return;
    }
    report({ type: 'lost' });
    if (!socket.active) retryLater();
  });

  return { channel, stop };
}
