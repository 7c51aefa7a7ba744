import type { AlertDto, AlertsSnapshotDto, TimerDto } from '@podium/contracts';

/**
 * The alerts overlay's model: the queue it plays (by server time), the countdown, and how far the
 * server's clock is from this machine's. Pure: React only draws what it computes.
 */
export interface AlertsFeed {
  /** Alerts not yet ended, in play order (by `startsAt`). */
  alerts: AlertDto[];
  timer: TimerDto | null;
  /** Server time minus local time, from the last snapshot. */
  offsetMs: number;
}

export type AlertsFeedEvent =
  | { type: 'snapshot'; snapshot: AlertsSnapshotDto; receivedAt: number }
  | { type: 'queued'; alert: AlertDto }
  | { type: 'timer'; timer: TimerDto | null }
  | { type: 'clock'; serverTime: string; receivedAt: number };

export const initialAlertsFeed: AlertsFeed = { alerts: [], timer: null, offsetMs: 0 };

function byStart(a: AlertDto, b: AlertDto): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id);
}

function offsetOf(serverTime: string, receivedAt: number, fallback: number): number {
  const server = Date.parse(serverTime);
  return Number.isNaN(server) ? fallback : server - receivedAt;
}

export function reduceAlertsFeed(state: AlertsFeed, event: AlertsFeedEvent): AlertsFeed {
  switch (event.type) {
    case 'snapshot':
      // The snapshot is the whole truth after a (re)connect: anything missed is in it.
      return {
        alerts: [...event.snapshot.alerts].sort(byStart),
        timer: event.snapshot.timer,
        offsetMs: offsetOf(event.snapshot.serverTime, event.receivedAt, state.offsetMs),
      };
    case 'queued':
      if (state.alerts.some((alert) => alert.id === event.alert.id)) return state;
      return { ...state, alerts: [...state.alerts, event.alert].sort(byStart) };
    case 'timer':
      return { ...state, timer: event.timer };
    case 'clock':
      return { ...state, offsetMs: offsetOf(event.serverTime, event.receivedAt, state.offsetMs) };
  }
}

/** Server time for a local instant. */
export function serverTimeAt(state: AlertsFeed, localNow: number): number {
  return localNow + state.offsetMs;
}

/** The alert on screen now, if any (slots never overlap, so at most one). */
export function currentAlert(state: AlertsFeed, localNow: number): AlertDto | null {
  const now = serverTimeAt(state, localNow);
  return (
    state.alerts.find((alert) => Date.parse(alert.startsAt) <= now && now < Date.parse(alert.endsAt)) ?? null
  );
}

/** Drops alerts that have ended; the same object when nothing changed (no re-render). */
export function pruneEnded(state: AlertsFeed, localNow: number): AlertsFeed {
  const now = serverTimeAt(state, localNow);
  const alerts = state.alerts.filter((alert) => Date.parse(alert.endsAt) > now);
  return alerts.length === state.alerts.length ? state : { ...state, alerts };
}

/** Local milliseconds until the next alert starts or the current one ends; null when idle. */
export function msUntilNextChange(state: AlertsFeed, localNow: number): number | null {
  const now = serverTimeAt(state, localNow);
  let next: number | null = null;
  for (const alert of state.alerts) {
    for (const edge of [Date.parse(alert.startsAt), Date.parse(alert.endsAt)]) {
      if (edge > now && (next === null || edge < next)) next = edge;
    }
  }
  return next === null ? null : next - now;
}

/** Milliseconds left on the countdown (0 once due), or null without one. */
export function timerRemainingMs(state: AlertsFeed, localNow: number): number | null {
  if (!state.timer) return null;
  return Math.max(0, Date.parse(state.timer.endsAt) - serverTimeAt(state, localNow));
}

/** `m:ss`, or `h:mm:ss` from an hour up; rounds up so 0:00 shows only when it is over. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
