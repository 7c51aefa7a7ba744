import type { RedemptionStatus } from '@podium/contracts';

/** A decision on a pending redemption. */
export type QueueDecision = 'fulfil' | 'refund' | 'reject';

/** pending → fulfilled | refunded | rejected; nothing else (a decided redemption stays decided). */
export function nextStatus(current: RedemptionStatus, decision: QueueDecision): RedemptionStatus | null {
  if (current !== 'pending') return null;
  switch (decision) {
    case 'fulfil':
      return 'fulfilled';
    case 'refund':
      return 'refunded';
    case 'reject':
      return 'rejected';
  }
}

/** Whether a transition is allowed between two statuses. */
export function canTransition(from: RedemptionStatus, to: RedemptionStatus): boolean {
  return from === 'pending' && to !== 'pending';
}

/**
 * Where a new redemption starts: fulfilled at once when its type does not queue (counters), the
 * handler asks for it, or the reward auto-fulfils; pending otherwise.
 */
export function initialStatus(
  outcome: { queue: boolean; autoFulfil?: boolean },
  rewardAutoFulfil: boolean,
): RedemptionStatus {
  return outcome.queue && !outcome.autoFulfil && !rewardAutoFulfil ? 'pending' : 'fulfilled';
}
