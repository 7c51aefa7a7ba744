/** The scheduler closes a timed question this long after its deadline (answers stop at the deadline). */
export const QUESTION_CLOSE_DELAY_MS = 1_000;

/** When a question opened at `openedAt` stops taking answers; null when untimed. */
export function questionClosesAt(openedAt: Date, timeLimitSeconds: number | null): Date | null {
  return timeLimitSeconds === null ? null : new Date(openedAt.getTime() + timeLimitSeconds * 1_000);
}

/** Answers arriving after the deadline are refused, even before the scheduler closes the question. */
export function isPastDeadline(closesAt: Date | null, now: Date): boolean {
  return closesAt !== null && now.getTime() > closesAt.getTime();
}
