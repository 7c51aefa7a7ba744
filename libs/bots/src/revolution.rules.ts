/**
 * Revolution bots: distinct viewers typing a trigger within a sliding window; at the threshold the
 * bot fires, hits from before the fire stop counting, and it rests for a cooldown.
 */

export interface RevolutionSettings {
  threshold: number;
  windowSeconds: number;
  cooldownSeconds: number;
}

export interface RevolutionState {
  /** The last fire, or null if never. */
  firedAt: Date | null;
  /** Hits are ignored until then, or null. */
  cooldownUntil: Date | null;
}

export interface RevolutionHit {
  viewerId: string;
  at: Date;
}

/** Hits are ignored while the bot rests after a fire (the end itself is no longer cooling). */
export function isCoolingDown(state: RevolutionState, now: Date): boolean {
  return state.cooldownUntil !== null && now.getTime() < state.cooldownUntil.getTime();
}

/**
 * The earliest moment a hit may have and still count: the window's start (inclusive), and it must
 * also come strictly after the last fire (`afterFire`).
 */
export function revolutionWindow(
  settings: Pick<RevolutionSettings, 'windowSeconds'>,
  state: Pick<RevolutionState, 'firedAt'>,
  now: Date,
): { from: Date; afterFire: Date | null } {
  return { from: new Date(now.getTime() - settings.windowSeconds * 1000), afterFire: state.firedAt };
}

/**
 * How long before Podium received a message its platform's own timestamp is believed: delivery
 * and polling delays fit in it; beyond it the platform's clock is suspect (or the event is a stale
 * redelivery), and the hit is taken as that old at most.
 */
export const REVOLUTION_HIT_MAX_AGE_MS = 30_000;

/**
 * When a hit counts as typed: the window is about when viewers typed, so the message's own time
 * (`occurredAt`), but never later than `now` (a clock ahead; hits must not land after a fire
 * decided now) nor earlier than `maxAgeMs` before it was received. A retried event keeps its time.
 */
export function revolutionHitTime(
  occurredAt: Date,
  receivedAt: Date,
  now: Date,
  maxAgeMs: number = REVOLUTION_HIT_MAX_AGE_MS,
): Date {
  const received = Number.isNaN(receivedAt.getTime()) ? now.getTime() : receivedAt.getTime();
  const typed = Number.isNaN(occurredAt.getTime()) ? received : occurredAt.getTime();
  return new Date(Math.min(now.getTime(), Math.max(typed, received - maxAgeMs)));
}

/** Whether one hit counts in that window. */
export function hitCounts(at: Date, window: { from: Date; afterFire: Date | null }, now: Date): boolean {
  const t = at.getTime();
  if (t > now.getTime() || t < window.from.getTime()) return false;
  return window.afterFire === null || t > window.afterFire.getTime();
}

/** Distinct viewers (by viewer id) among the hits that count now. */
export function countRevolutionViewers(
  hits: readonly RevolutionHit[],
  settings: Pick<RevolutionSettings, 'windowSeconds'>,
  state: Pick<RevolutionState, 'firedAt'>,
  now: Date,
): number {
  const window = revolutionWindow(settings, state, now);
  return new Set(hits.filter((hit) => hitCounts(hit.at, window, now)).map((hit) => hit.viewerId)).size;
}

export type RevolutionDecision =
  { fires: false; count: number } | { fires: true; count: number; firedAt: Date; cooldownUntil: Date };

/** With `count` viewers counted now, whether the bot fires, and its state after firing. */
export function decideRevolution(
  settings: RevolutionSettings,
  state: RevolutionState,
  count: number,
  now: Date,
): RevolutionDecision {
  if (isCoolingDown(state, now) || count < settings.threshold) return { fires: false, count };
  return {
    fires: true,
    count,
    firedAt: now,
    cooldownUntil: new Date(now.getTime() + settings.cooldownSeconds * 1000),
  };
}

/** Share of the threshold reached, 0–1 (for the bar). */
export function revolutionProgress(count: number, threshold: number): number {
  if (threshold <= 0) return 1;
  return Math.max(0, Math.min(1, count / threshold));
}

/** The fire message: `{count}` becomes the number of viewers; other `{…}` stay as typed. */
export function renderRevolutionMessage(template: string, count: number): string {
  return template.replace(/\{count\}/gi, String(count));
}

/** Whether a chat message triggers the bot: its first word equals the trigger, case aside. */
export function matchesTrigger(text: string, trigger: string): boolean {
  const first = text.trim().split(/\s+/, 1)[0] ?? '';
  return first.length > 0 && first.toLowerCase() === trigger.trim().toLowerCase();
}
