/**
 * Messages between the benchmark (the parent process, which runs the api) and the client swarm (a
 * child process holding the organizer dashboard and every attendee socket). The swarm runs apart
 * so the api's event loop, heap and RSS are its own, as they would be in production.
 */

export interface SwarmPlan {
  baseUrl: string;
  meetingId: string;
  joinCode: string;
  /** The owner's session cookie: the organizer dashboard socket signs in with it. */
  organizerCookie: string;
  attendees: number;
  /** Joins (HTTP join + socket + meeting.join) in flight at once while the room fills. */
  joinConcurrency: number;
  pollId: string;
  choiceIds: string[];
  wordCloudId: string;
  wordsPerAttendee: number;
  /** The api's results tick, to wait for the trailing push of a burst. */
  tickMs: number;
  ackTimeoutMs: number;
  /** How long to wait for the organizer to see every answer before giving up on a burst. */
  burstTimeoutMs: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export type BurstKind = 'poll' | 'words';

export interface BurstResult {
  /** Wall-clock bounds (epoch ms, same machine) so the parent can read its own samples for them. */
  startedAtEpoch: number;
  endedAtEpoch: number;
  answersSent: number;
  acksOk: number;
  /** Refused answers by error code (none expected). */
  ackErrors: Record<string, number>;
  ackTimeouts: number;
  /** First answer sent → the organizer's results show all of them; null when they never did. */
  wallMs: number | null;
  /** First answer sent → last ack received. */
  lastAckMs: number;
  /** Per answer: its own send → its ack (ok acks only). */
  ackMs: Percentiles | null;
  /** `meeting.results` pushes the organizer dashboard received during the burst. */
  organizerPushes: number;
  /** The same for attendee sockets: the first one, the mean and the most any one received. */
  attendeePushes: { first: number; mean: number; max: number };
  /** Each organizer push of the burst: when (ms after the first answer) and how many answers it counted. */
  organizerTimeline: { atMs: number; counted: number }[];
}

/** How long joining took per attendee, early joiners against late ones (the room's size grows). */
export interface JoinTimes {
  /** POST /api/join. */
  http: { firstTenthMs: number; lastTenthMs: number };
  /** Socket handshake + `meeting.join` snapshot. */
  socket: { firstTenthMs: number; lastTenthMs: number };
}

/** One client sending `meeting.join` again (what a reconnecting phone or dashboard does), median of a few. */
export interface ResyncTimes {
  attendeeMs: number;
  organizerMs: number;
}

export type ParentToSwarm =
  | { type: 'plan'; plan: SwarmPlan }
  | { type: 'burst'; kind: BurstKind }
  | { type: 'resync' }
  | { type: 'disconnect' };

export type SwarmToParent =
  | { type: 'connected'; connectMs: number; present: number; joins: JoinTimes }
  | { type: 'burst'; result: BurstResult }
  | { type: 'resync'; times: ResyncTimes }
  | { type: 'disconnected' }
  | { type: 'failed'; message: string };

/** Nearest-rank percentiles of `values` (milliseconds), or null when there are none. */
export function percentiles(values: readonly number[]): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}
