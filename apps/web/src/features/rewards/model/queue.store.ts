import type { RedemptionDto, RedemptionStatus } from '@podium/contracts';
import { createStore } from 'zustand';

/** The moves a moderator makes on a pending redemption. */
export type QueueAction = 'fulfil' | 'refund' | 'reject';

export const ACTION_STATUS: Record<QueueAction, RedemptionStatus> = {
  fulfil: 'fulfilled',
  refund: 'refunded',
  reject: 'rejected',
};

/**
 * The order the queue shows: pending first, oldest first (the order to work through); then the
 * decided ones, most recently decided first. Ties by id, so the order is stable.
 */
export function compareQueue(a: RedemptionDto, b: RedemptionDto): number {
  const pendingA = a.status === 'pending';
  const pendingB = b.status === 'pending';
  if (pendingA !== pendingB) return pendingA ? -1 : 1;
  if (pendingA) return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const decidedA = a.decidedAt ?? a.createdAt;
  const decidedB = b.decidedAt ?? b.createdAt;
  return decidedB.localeCompare(decidedA) || b.id.localeCompare(a.id);
}

/** How far a redemption has gone: a pushed copy never moves one back to pending. */
const settled = (redemption: RedemptionDto) => (redemption.status === 'pending' ? 0 : 1);

export interface QueueState {
  byId: Record<string, RedemptionDto>;
  /** Redemptions with an action on its way to the server: their buttons are off (double-click guard). */
  busy: Record<string, QueueAction>;
  /** Replaces everything with a fresh list (first load, reconnect); keeps rows decided meanwhile. */
  snapshot: (list: readonly RedemptionDto[]) => void;
  /** Live `redeem.queue` pushes and action answers: created or moved redemptions. */
  patch: (list: readonly RedemptionDto[]) => void;
  /** Starts an action; false when one is already on its way for that redemption. */
  begin: (id: string, action: QueueAction) => boolean;
  end: (id: string) => void;
}

/** `initial`: a state to start from (tests, and a page that already holds the queue). */
export function createQueueStore(initial: Partial<Pick<QueueState, 'byId' | 'busy'>> = {}) {
  return createStore<QueueState>()((set, get) => ({
    byId: initial.byId ?? {},
    busy: initial.busy ?? {},
    snapshot: (list) =>
      set((state) => {
        const byId: Record<string, RedemptionDto> = {};
        // Decided rows we already show stay (a pending-only reload would drop them from sight).
        for (const kept of Object.values(state.byId)) if (kept.status !== 'pending') byId[kept.id] = kept;
        for (const item of list) {
          const kept = byId[item.id];
          if (!kept || settled(item) >= settled(kept)) byId[item.id] = item;
        }
        return { byId };
      }),
    patch: (list) =>
      set((state) => {
        const byId = { ...state.byId };
        for (const item of list) {
          const kept = byId[item.id];
          // A late "created" push must not undo a decision we already know of.
          if (!kept || settled(item) >= settled(kept)) byId[item.id] = item;
        }
        return { byId };
      }),
    begin: (id, action) => {
      if (get().busy[id] || get().byId[id]?.status !== 'pending') return false;
      set((state) => ({ busy: { ...state.busy, [id]: action } }));
      return true;
    },
    end: (id) =>
      set((state) => {
        const busy = { ...state.busy };
        delete busy[id];
        return { busy };
      }),
  }));
}

export type QueueStore = ReturnType<typeof createQueueStore>;

/** The queue as shown (see compareQueue). */
export function queueRows(state: Pick<QueueState, 'byId'>): RedemptionDto[] {
  return Object.values(state.byId).sort(compareQueue);
}

/** Pending redemptions still waiting. */
export function pendingCount(state: Pick<QueueState, 'byId'>): number {
  return Object.values(state.byId).filter((item) => item.status === 'pending').length;
}
