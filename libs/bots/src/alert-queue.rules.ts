import { ALERT_MAX_DURATION_MS, ALERT_MIN_DURATION_MS } from '@podium/contracts';

/** The time an alert occupies on the overlay. */
export interface AlertSlot {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Where the next alert goes so alerts never overlap: right away when the overlay is idle, else
 * the moment the last queued alert ends. `lastEndsAt` is the latest end of the workspace's queue.
 */
export function nextAlertSlot(now: Date, lastEndsAt: Date | null, durationMs: number): AlertSlot {
  const start = Math.max(now.getTime(), lastEndsAt?.getTime() ?? Number.NEGATIVE_INFINITY);
  const duration = clampAlertDuration(durationMs);
  return { startsAt: new Date(start), endsAt: new Date(start + duration) };
}

/** Durations outside 1–60 s are brought inside: a 0 ms alert would be invisible, a 1 h one blocks the queue. */
export function clampAlertDuration(durationMs: number): number {
  if (!Number.isFinite(durationMs)) return ALERT_MIN_DURATION_MS;
  return Math.min(ALERT_MAX_DURATION_MS, Math.max(ALERT_MIN_DURATION_MS, Math.round(durationMs)));
}

/** Alerts text is shown as plain text; newlines and runs of spaces are collapsed, length capped. */
export function normalizeAlertText(text: string, max = 500): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length <= max ? collapsed : `${collapsed.slice(0, max - 1)}…`;
}
