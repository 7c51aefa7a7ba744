/** Times are milliseconds since the epoch; cooldowns are whole seconds. */

/** When a cooldown started at `usedAt` ends. */
export function cooldownEndsAt(usedAt: number, seconds: number): number {
  return usedAt + seconds * 1000;
}

/** Milliseconds left until `endsAt`; 0 once it has passed. Exact: at `endsAt` it is 0. */
export function remainingMs(endsAt: number | null | undefined, now: number): number {
  if (endsAt === null || endsAt === undefined) return 0;
  return Math.max(0, endsAt - now);
}

/** When a command (or auto-response) last answered: overall, and for the caller. */
export interface CooldownUse {
  /** End of the global cooldown (absent: never used or no cooldown). */
  globalEndsAt?: number | null;
  /** End of the caller's own cooldown. */
  userEndsAt?: number | null;
}

export type CooldownVerdict =
  { allowed: true } | { allowed: false; scope: 'global' | 'user'; remainingMs: number };

/**
 * May it answer at `now`? Refused while either cooldown runs; the global one is named first. A
 * command used at t with a 30 s cooldown is refused at t + 29.999 s and allowed at t + 30 s.
 */
export function checkCooldowns(use: CooldownUse, now: number): CooldownVerdict {
  const global = remainingMs(use.globalEndsAt, now);
  if (global > 0) return { allowed: false, scope: 'global', remainingMs: global };
  const user = remainingMs(use.userEndsAt, now);
  if (user > 0) return { allowed: false, scope: 'user', remainingMs: user };
  return { allowed: true };
}

/** The cooldowns an answer at `now` starts (null where the cooldown is 0). */
export function startCooldowns(
  seconds: { globalCooldownSeconds: number; userCooldownSeconds: number },
  now: number,
): { globalEndsAt: number | null; userEndsAt: number | null } {
  return {
    globalEndsAt:
      seconds.globalCooldownSeconds > 0 ? cooldownEndsAt(now, seconds.globalCooldownSeconds) : null,
    userEndsAt: seconds.userCooldownSeconds > 0 ? cooldownEndsAt(now, seconds.userCooldownSeconds) : null,
  };
}
