import type { StreakBonusDto } from '@podium/contracts';

/**
 * Streams are numbered per workspace (1, 2, 3…) in the order they start; a streak is a run of
 * consecutive numbers the viewer attended.
 */
export interface StreakState {
  /** Length of the run ending at `lastStreamSeq`. */
  current: number;
  best: number;
  /** The number of the last stream attended; null if never. */
  lastStreamSeq: number | null;
  streamsAttended: number;
}

export const EMPTY_STREAK: StreakState = { current: 0, best: 0, lastStreamSeq: null, streamsAttended: 0 };

export interface StreakAttendance {
  state: StreakState;
  /** False when the stream was already counted (or is older than the last one counted). */
  counted: boolean;
}

/**
 * The viewer attended stream `streamSeq`: the run grows when the previous stream was the last
 * attended, restarts at 1 after a gap, and nothing changes for a stream already counted.
 */
export function attendStream(state: StreakState, streamSeq: number): StreakAttendance {
  if (state.lastStreamSeq !== null && streamSeq <= state.lastStreamSeq) return { state, counted: false };
  const current = state.lastStreamSeq === streamSeq - 1 ? state.current + 1 : 1;
  return {
    state: {
      current,
      best: Math.max(state.best, current),
      lastStreamSeq: streamSeq,
      streamsAttended: state.streamsAttended + 1,
    },
    counted: true,
  };
}

/** The bonus for reaching exactly `length` (each length pays once per time it is reached), or 0. */
export function streakBonus(bonuses: readonly StreakBonusDto[], length: number): number {
  return bonuses.find((bonus) => bonus.length === length)?.points ?? 0;
}

/** The smallest bonus above `current`, or null when none is left. */
export function nextStreakBonus(bonuses: readonly StreakBonusDto[], current: number): StreakBonusDto | null {
  let next: StreakBonusDto | null = null;
  for (const bonus of bonuses) {
    if (bonus.length > current && (next === null || bonus.length < next.length)) next = bonus;
  }
  return next;
}

/** The workspace's latest stream, as the streak display needs it. */
export interface LatestStream {
  seq: number;
  /** Still running: a viewer who attended the one before may still extend the run. */
  live: boolean;
}

/**
 * The streak as it stands now: the stored run if the viewer attended the latest stream (or the one
 * before, while the latest is still live); 0 once a stream went by without them.
 */
export function currentStreak(state: StreakState, latest: LatestStream | null): number {
  if (state.lastStreamSeq === null || latest === null)
    return state.lastStreamSeq === null ? 0 : state.current;
  if (state.lastStreamSeq >= latest.seq) return state.current;
  if (latest.live && state.lastStreamSeq === latest.seq - 1) return state.current;
  return 0;
}

/**
 * The streak rebuilt from every stream number attended (any order, duplicates ignored): used when
 * two identities of one viewer are merged and their attendance is pooled.
 */
export function streakFromAttendance(seqs: readonly number[]): StreakState {
  return [...new Set(seqs)]
    .sort((a, b) => a - b)
    .reduce((state, seq) => attendStream(state, seq).state, EMPTY_STREAK);
}
