import type {
  Ack,
  ApiErrorDto,
  ClientToServerEvents,
  LiveControlDto,
  LiveStateDto,
  MeetingCommand,
  MeetingResultsPayload,
  MeetingSnapshotDto,
  QaModerate,
  ServerToClientEvents,
} from '@podium/contracts';
import type { ScoreboardPayload } from '@podium/ui';
import type { Socket } from 'socket.io-client';
import type { LiveStore } from '../model/live.store';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 8_000;
const JOIN_RETRY_MS = 3_000;

/** Made-up ack errors for what never reached the server; statusCode 0 like the HTTP client's. */
export const OFFLINE_ERROR: ApiErrorDto = {
  statusCode: 0,
  code: 'client.network_unreachable',
  message: 'Not connected to the server.',
};
export const TIMEOUT_ERROR: ApiErrorDto = {
  statusCode: 0,
  code: 'client.timeout',
  message: 'The server did not answer in time.',
};

/** Asking again cannot help: no access to this meeting, or it does not exist. */
const isFinalJoinError = (error: ApiErrorDto) => [401, 403, 404].includes(error.statusCode);

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
export function connectLive(socket: LiveSocket, store: LiveStore, meetingId: string): LiveConnection {
  let stopped = false;
  let joinSeq = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const clientId = store.getState().clientId;

  const join = () => {
    clearTimeout(retryTimer);
    if (stopped || !socket.connected) return;
    // Only the latest join's snapshot counts: an older one could be behind pushes since.
    const seq = ++joinSeq;
    const request = clientId === null ? { meetingId } : { meetingId, clientId };
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('meeting.join', request, (err: Error | null, ack: Ack<MeetingSnapshotDto>) => {
        if (stopped || seq !== joinSeq) return;
        if (!err && ack.ok) {
          store.getState().snapshot(ack.data);
          return;
        }
        const error = err ? TIMEOUT_ERROR : ack.ok ? TIMEOUT_ERROR : ack.error;
        store.getState().joinFailed(error);
        if (!isFinalJoinError(error)) retryTimer = setTimeout(join, JOIN_RETRY_MS);
      });
  };

  const ours = (payload: { meetingId: string }) => payload.meetingId === meetingId;
  const handlers = {
    ready: () => join(),
    state: (payload: LiveStateDto) => {
      if (ours(payload) && store.getState().state(payload)) join();
    },
    results: (payload: MeetingResultsPayload) => {
      if (ours(payload) && store.getState().results(payload)) join();
    },
    scoreboard: (payload: ScoreboardPayload) => {
      if (ours(payload) && store.getState().scoreboard(payload)) join();
    },
    presence: (payload: { meetingId: string; present: number }) => {
      if (ours(payload)) store.getState().presence(payload);
    },
    control: (payload: LiveControlDto) => {
      if (ours(payload)) store.getState().control(payload);
    },
    // Questions or the title were edited: the snapshot carries the new ones.
    changed: (payload: { meetingId: string }) => {
      if (ours(payload)) join();
    },
  };
  socket.on('session.ready', handlers.ready);
  socket.on('meeting.state', handlers.state);
  socket.on('meeting.results', handlers.results);
  socket.on('meeting.scoreboard', handlers.scoreboard);
  socket.on('meeting.presence', handlers.presence);
  socket.on('meeting.control', handlers.control);
  socket.on('meeting.changed', handlers.changed);
  join();

  /** One request with its ack; never rejects: an unreachable server is an error ack like any other. */
  function request<T>(send: (done: (err: Error | null, ack: Ack<T>) => void) => void): Promise<Ack<T>> {
    return new Promise((resolve) => {
      if (stopped || !socket.connected) {
        resolve({ ok: false, error: OFFLINE_ERROR });
        return;
      }
      send((err, ack) => resolve(err ? { ok: false, error: TIMEOUT_ERROR } : ack));
    });
  }

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
      socket.off('session.ready', handlers.ready);
      socket.off('meeting.state', handlers.state);
      socket.off('meeting.results', handlers.results);
      socket.off('meeting.scoreboard', handlers.scoreboard);
      socket.off('meeting.presence', handlers.presence);
      socket.off('meeting.control', handlers.control);
      socket.off('meeting.changed', handlers.changed);
      if (socket.connected) socket.emit('meeting.leave', { meetingId });
      // A command still in flight will never be finished by its ack now.
      if (store.getState().meetingId === meetingId) store.getState().finish(null);
    },
  };
}
