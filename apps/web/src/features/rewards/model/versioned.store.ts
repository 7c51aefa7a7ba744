import { createStore } from 'zustand';

/** Something pushed with a growing version (a goal's progress, a vote's tally). */
export interface Versioned {
  rewardId: string;
  workspaceId: string;
  version: number;
}

export interface VersionedState<T extends Versioned> {
  byId: Record<string, T>;
  /** A snapshot replaces everything (rewards deleted meanwhile disappear). */
  snapshot: (list: readonly T[]) => void;
  /** One push; a lower version than the one kept is ignored (pushes may overtake each other). */
  push: (item: T) => void;
}

export function createVersionedStore<T extends Versioned>() {
  return createStore<VersionedState<T>>()((set) => ({
    byId: {},
    snapshot: (list) => set({ byId: Object.fromEntries(list.map((item) => [item.rewardId, item])) }),
    push: (item) =>
      set((state) => {
        const kept = state.byId[item.rewardId];
        if (kept && kept.version > item.version) return state;
        return { byId: { ...state.byId, [item.rewardId]: item } };
      }),
  }));
}

export type VersionedStore<T extends Versioned> = ReturnType<typeof createVersionedStore<T>>;

/** Whole percent of a goal reached, 0–100. */
export function percentOf(progress: number, target: number): number {
  if (target <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((progress / target) * 100)));
}
