import { remainingMs } from '@podium/bots';

/** Whole seconds left on a cooldown ending at `until` (ms since epoch): at least 1 while it runs, 0 once over. */
export function cooldownSecondsLeft(until: number, now: number): number {
  const left = remainingMs(until, now);
  return left === 0 ? 0 : Math.max(1, Math.ceil(left / 1000));
}

/**
 * The stream a per-stream limit counts in: the workspace's latest stream start (ISO), or `none`
 * when no stream ever started (limits then count from the beginning).
 */
export function streamKey(latestStreamStart: Date | null): string {
  return latestStreamStart ? latestStreamStart.toISOString() : 'none';
}

/** Is one more redeem within `max` when `used` were already counted? null max: no limit. */
export function withinLimit(used: number, max: number | null): boolean {
  return max === null || used < max;
}

/**
 * What a redeem costs. goal: the contribution (at least the price, at least 1); vote: votes ×
 * price per vote; other types: the price. null when the amount does not fit.
 */
export function redeemCost(
  reward: { type: string; price: number; pricePerVote?: number },
  amount: number | undefined,
): number | null {
  if (reward.type === 'goal') {
    if (amount === undefined || !Number.isSafeInteger(amount) || amount < Math.max(1, reward.price))
      return null;
    return amount;
  }
  if (reward.type === 'vote') {
    const votes = amount ?? 1;
    const price = reward.pricePerVote ?? reward.price;
    if (!Number.isSafeInteger(votes) || votes < 1) return null;
    const cost = votes * price;
    return Number.isSafeInteger(cost) ? cost : null;
  }
  return reward.price;
}
