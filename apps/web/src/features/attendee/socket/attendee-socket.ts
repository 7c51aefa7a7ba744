import {
  type Ack,
  type AnswerInput,
  type ApiErrorDto,
  type ClientToServerEvents,
  type InroomChatMessageDto,
  type MeetingResultsPayload,
  type MeetingSnapshotDto,
  type MeetingStatePayload,
  type MyAnswerDto,
  type MyScoreDto,
  type ServerToClientEvents,
  SOCKET_PATH,
  type SocketAuth,
} from '@podium/contracts';
import { createJoinWindow } from '@podium/ui';
import { io, type Socket } from 'socket.io-client';
import {
  ACK_TIMEOUT_MS,
  isFinalJoinError,
  JOIN_RETRY_MS,
  requestAck,
  TIMEOUT_ERROR,
} from '@/shared/socket/socket-ack';

type AttendeeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type ScoreboardPayload = Parameters<ServerToClientEvents['meeting.scoreboard']>[0];

export type AttendeeLinkStatus = 'connecting' | 'online' | 'offline';

/** What the connection reports; the page's store turns these into what is on screen. */
export interface AttendeeSocketHandlers {
  status: (status: AttendeeLinkStatus) => void;
  /** The token was refused (attendee gone, meeting reset, tampered token): forget it. */
  refused: () => void;
  snapshot: (snapshot: MeetingSnapshotDto) => void;
  /** `meeting.join` failed: `retrying` says whether the connection will ask again by itself. */
  joinFailed: (error: ApiErrorDto, retrying: boolean) => void;
  state: (payload: MeetingStatePayload) => void;
  results: (payload: MeetingResultsPayload) => void;
  scoreboard: (payload: ScoreboardPayload) => void;
  score: (payload: MyScoreDto) => void;
  /** A line of this meeting's in-room chat. */
  inroomMessage: (payload: InroomChatMessageDto) => void;
  /** Moderation hid a line of this meeting's in-room chat (`messageId`). */
  inroomHidden: (messageId: string) => void;
}

export interface AttendeeConnection {
  /** Re-sends `meeting.join` for a fresh snapshot (a version gap, the meeting was edited). */
  resync: () => void;
  submitAnswer: (questionId: string, answer: AnswerInput) => Promise<Ack<{ myAnswer: MyAnswerDto }>>;
  ask: (questionId: string, text: string) => Promise<Ack<{ entryId: string }>>;
  upvote: (entryId: string) => Promise<Ack<{ upvotes: number }>>;
  captureFlag: (code: string) => Promise<Ack<{ flagName: string; points: number; me: MyScoreDto }>>;
  /** The meeting's recent in-room chat, oldest first. */
  inroomHistory: () => Promise<Ack<InroomChatMessageDto[]>>;
  inroomSend: (text: string) => Promise<Ack<InroomChatMessageDto>>;
  stop: () => void;
}

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * The attendee's live connection to one meeting, authenticated by the token `POST /api/join`
 * returned. Joins the meeting on every `session.ready` (first connect and each reconnect), so a
 * dropped network resyncs by itself.
 */
export function connectAttendee(
  token: string,
  meetingId: string,
  on: AttendeeSocketHandlers,
): AttendeeConnection {
  const auth: SocketAuth = { attendeeToken: token };
  const socket: AttendeeSocket = io({
    path: SOCKET_PATH,
    auth,
    transports: ['websocket', 'polling'],
    reconnectionDelay: RETRY_BASE_MS,
    reconnectionDelayMax: 10_000,
  });
  let stopped = false;
  let joinSeq = 0;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set by `server.draining`: the next server disconnect is a shutdown, not a kick. */
  let drainSpreadMs: number | null = null;
  const joinWindow = createJoinWindow();

  const later = (delay: number, action: () => void) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!stopped) action();
    }, delay);
  };

  const join = () => {
    if (stopped || !socket.connected) return;
    // Only the latest join's snapshot counts: an older one could be behind pushes since.
    const seq = ++joinSeq;
    joinWindow.open();
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('meeting.join', { meetingId }, (err: Error | null, ack: Ack<MeetingSnapshotDto>) => {
        if (stopped || seq !== joinSeq) return;
        if (err) {
          on.joinFailed(TIMEOUT_ERROR, true);
          later(JOIN_RETRY_MS, join);
          return;
        }
        if (ack.ok) {
          on.snapshot(ack.data);
          if (joinWindow.close()) join();
          return;
        }
        const final = isFinalJoinError(ack.error);
        on.joinFailed(ack.error, !final);
        if (final) {
          joinWindow.cancel();
          if (ack.error.statusCode === 401) on.refused();
          return;
        }
        later(JOIN_RETRY_MS, join);
      });
  };

  on.status('connecting');
  socket.on('session.ready', () => {
    retries = 0;
    on.status('online');
    join();
  });
  socket.on('server.draining', ({ reconnectWithinMs }) => {
    drainSpreadMs = reconnectWithinMs;
  });
  socket.on('disconnect', (reason) => {
    if (stopped) return;
    on.status('offline');
    // The server closed us on purpose; socket.io will not come back by itself.
    if (reason === 'io server disconnect') {
      if (drainSpreadMs !== null) {
        // A replica going away: come back soon (another replica answers) and resync on session.ready.
        later(Math.random() * drainSpreadMs, () => socket.connect());
        drainSpreadMs = null;
        return;
      }
      retries += 1;
      later(Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (retries - 1)), () => socket.connect());
    }
  });
  socket.on('connect_error', (error) => {
    if (stopped) return;
    if (!socket.active && error.message === 'unauthenticated') {
      on.refused();
      stop();
      return;
    }
    on.status('offline');
    if (!socket.active) {
      retries += 1;
      later(Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (retries - 1)), () => socket.connect());
    }
  });
  socket.on('meeting.state', (payload) => joinWindow.push(() => on.state(payload)));
  socket.on('meeting.results', (payload) => joinWindow.push(() => on.results(payload)));
  socket.on('meeting.scoreboard', (payload) => joinWindow.push(() => on.scoreboard(payload)));
  socket.on('attendee.score', (payload) => joinWindow.push(() => on.score(payload)));
  socket.on('inroom.message', (payload) => {
    if (payload.meetingId === meetingId) on.inroomMessage(payload);
  });
  socket.on('inroom.hidden', (payload) => {
    if (payload.meetingId === meetingId) on.inroomHidden(payload.messageId);
  });
  socket.on('meeting.changed', (payload) => {
    if (payload.meetingId === meetingId) join();
  });

  function stop() {
    stopped = true;
    clearTimeout(retryTimer);
    joinWindow.cancel();
    socket.disconnect();
  }

  const request = <T>(
    send: (socket: AttendeeSocket, done: (err: Error | null, ack: Ack<T>) => void) => void,
  ) => requestAck<T>(!stopped && socket.connected, (done) => send(socket, done));

  return {
    resync: join,
    submitAnswer: (questionId, answer) =>
      request((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('answer.submit', { questionId, answer }, done)),
    ask: (questionId, text) =>
      request((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('qa.ask', { questionId, text }, done)),
    upvote: (entryId) => request((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('qa.upvote', { entryId }, done)),
    captureFlag: (code) =>
      request((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('flag.capture', { code }, done)),
    inroomHistory: () =>
      request((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('inroom.history', { meetingId }, done)),
    inroomSend: (text) => request((s, done) => s.timeout(ACK_TIMEOUT_MS).emit('inroom.send', { text }, done)),
    stop,
  };
}
