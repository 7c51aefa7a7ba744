import type {
  Ack,
  LiveControlDto,
  LiveStateDto,
  MeetingCommand,
  MeetingSnapshotDto,
  QaModerate,
  ServerToClientEvents,
} from '@podium/contracts';
import {
  ACK_TIMEOUT_MS,
  isFinalJoinError,
  JOIN_RETRY_MS,
  requestAck,
  TIMEOUT_ERROR,
} from '@/shared/socket/socket-ack';
import { createJoinWindow } from '@podium/ui';
import { listenTo } from '@/shared/socket/listen-to';
import type { PodiumSocket } from '@/shared/socket/socket.client';
import type { LiveStore } from '../model/live.store';

/** The pushes a follower listens to, each with its handler. */
type ListenerTable = Pick<
  ServerToClientEvents,
  | 'session.ready'
  | 'meeting.state'
  | 'meeting.results'
  | 'meeting.scoreboard'
  | 'meeting.presence'
  | 'meeting.control'
  | 'meeting.changed'
>;

export interface LiveConnection {
  /** Re-sends `meeting.join` for a fresh snapshot. */
  resync: () => void;
  /** Sends a command unless one is in flight; resolves when it is acknowledged (or failed). */
  command: (command: MeetingCommand) => Promise<void>;
  takeControl: () => Promise<void>;
  moderate: (patch: QaModerate) => Promise<Ack<null>>;
  stop: () => void;
}

/**
 * Follows one meeting on the organizer's shared socket: joins now (when connected) and on every
 * `session.ready` (each reconnect), feeds the pushes to the store, and re-joins when the store
 * sees a version gap. Only listeners it added are removed on stop: the socket is shared.
 */
export function connectLive(socket: PodiumSocket, store: LiveStore, meetingId: string): LiveConnection {
  let stopped = false;
  let joinSeq = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const clientId = store.getState().clientId;
  const joinWindow = createJoinWindow();

  const join = () => {
    clearTimeout(retryTimer);
    if (stopped || !socket.connected) return;
    // Only the latest join's snapshot counts: an older one could be behind pushes since.
    const seq = ++joinSeq;
    const request = clientId === null ? { meetingId } : { meetingId, clientId };
    joinWindow.open();
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('meeting.join', request, (err: Error | null, ack: Ack<MeetingSnapshotDto>) => {
        if (stopped || seq !== joinSeq) return;
        if (!err && ack.ok) {
          store.getState().snapshot(ack.data);
          if (joinWindow.close()) join();
          return;
        }
        const error = err ? TIMEOUT_ERROR : ack.ok ? TIMEOUT_ERROR : ack.error;
        store.getState().joinFailed(error);
        if (isFinalJoinError(error)) joinWindow.cancel();
        else retryTimer = setTimeout(join, JOIN_RETRY_MS);
      });
  };

  const ours = (payload: { meetingId: string }) => payload.meetingId === meetingId;
  /** Applies a versioned push (through the join window) and re-joins on a version gap. */
  const resyncIf = (apply: () => boolean) =>
    joinWindow.push(() => {
      if (apply()) join();
    });
  // Every listener this follower adds; stop removes exactly these (the socket is shared).
  const handlers: ListenerTable = {
    'session.ready': () => join(),
    'meeting.state': (payload) => {
      if (ours(payload)) resyncIf(() => store.getState().state(payload));
    },
    'meeting.results': (payload) => {
      if (ours(payload)) resyncIf(() => store.getState().results(payload));
    },
    'meeting.scoreboard': (payload) => {
      if (ours(payload)) resyncIf(() => store.getState().scoreboard(payload));
    },
    'meeting.presence': (payload) => {
      if (ours(payload)) joinWindow.push(() => store.getState().presence(payload));
    },
    'meeting.control': (payload) => {
      if (ours(payload)) joinWindow.push(() => store.getState().control(payload));
    },
    // Questions or the title were edited: the snapshot carries the new ones.
    'meeting.changed': (payload) => {
      if (ours(payload)) join();
    },
  };
  const unlisten = listenTo(socket, handlers);
  join();

  const request = <T>(send: (done: (err: Error | null, ack: Ack<T>) => void) => void) =>
    requestAck<T>(!stopped && socket.connected, send);

  async function command(command: MeetingCommand): Promise<void> {
    const { view, begin } = store.getState();
    if (!view || !begin(command)) return;
    // The version this click was made against: a second click on the same state is refused.
    const ack = await request<LiveStateDto>((done) =>
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit('meeting.command', { meetingId, command, expectedVersion: view.version }, done),
    );
    if (stopped) return;
    if (ack.ok) {
      store.getState().finish(null);
      if (store.getState().state(ack.data)) join();
      return;
    }
    store.getState().finish(ack.error);
    // Refused against a state we may not have (another tab moved on, or we lost control): resync.
    if (ack.error.statusCode === 409 || ack.error.statusCode === 403) join();
  }

  async function takeControl(): Promise<void> {
    if (clientId === null || !store.getState().begin('takeControl')) return;
    const ack = await request<LiveControlDto>((done) =>
      socket.timeout(ACK_TIMEOUT_MS).emit('meeting.takeControl', { meetingId, clientId }, done),
    );
    if (stopped) return;
    store.getState().finish(ack.ok ? null : ack.error);
    if (ack.ok) store.getState().control(ack.data);
  }

  return {
    resync: join,
    command,
    takeControl,
    moderate: (patch) =>
      request<null>((done) =>
        socket.timeout(ACK_TIMEOUT_MS).emit('qa.moderate', { ...patch, meetingId }, done),
      ),
    stop: () => {
      stopped = true;
      clearTimeout(retryTimer);
      joinWindow.cancel();
      unlisten();
      if (socket.connected) socket.emit('meeting.leave', { meetingId });
      // A command still in flight will never be finished by its ack now.
      if (store.getState().meetingId === meetingId) store.getState().finish(null);
    },
  };
}
