/** Earning cycles: when a cycle starts, who counts as present, and whether a cycle pays at all. */

const MINUTE_MS = 60_000;

/**
 * Start of the cycle containing `nowMs`: cycles start at whole multiples of their length since the epoch.
 * `minuteMs` is the minute cycle lengths are counted in (tests shorten it).
 */
export function cycleStart(nowMs: number, cycleMinutes: number, minuteMs = MINUTE_MS): Date {
  if (!Number.isInteger(cycleMinutes) || cycleMinutes < 1) throw new RangeError('cycleMinutes must be >= 1');
  const length = cycleMinutes * minuteMs;
  return new Date(Math.floor(nowMs / length) * length);
}

/** A viewer who chatted after this instant counts as present for a cycle run at `nowMs`. */
export function presenceSince(nowMs: number, windowMinutes: number): Date {
  return new Date(nowMs - windowMinutes * MINUTE_MS);
}

export interface CycleSettings {
  cyclesEnabled: boolean;
  pointsPerCycle: number;
  onlyWhileLive: boolean;
}

export type CycleVerdict =
  { pay: true } | { pay: false; reason: 'disabled' | 'zero_points' | 'not_live' | 'nobody_present' };

/** Whether a due cycle pays: switched on, worth something, live when it must be, and someone there. */
export function cycleVerdict(
  settings: CycleSettings,
  state: { liveConnections: number; presentViewers: number },
): CycleVerdict {
  if (!settings.cyclesEnabled) return { pay: false, reason: 'disabled' };
  if (settings.pointsPerCycle <= 0) return { pay: false, reason: 'zero_points' };
  if (settings.onlyWhileLive && state.liveConnections === 0) return { pay: false, reason: 'not_live' };
  if (state.presentViewers === 0) return { pay: false, reason: 'nobody_present' };
  return { pay: true };
}

/** The ledger's idempotency key of one viewer's payout in one cycle. */
export function cycleSourceKey(cycleStartAt: Date, viewerId: string): string {
  return `cycle:${cycleStartAt.toISOString()}:${viewerId}`;
}
