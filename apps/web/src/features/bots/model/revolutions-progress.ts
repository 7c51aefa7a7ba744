import type { RevolutionProgressDto } from '@podium/contracts';
import { createStore } from 'zustand';

/** How far a bot is from firing: a bar, or its rest after a fire. */
export type RevolutionState =
  | { phase: 'counting'; count: number; threshold: number; percent: number }
  | { phase: 'cooling'; secondsLeft: number };

/**
 * Progress for display at `now` (ms, client clock corrected to the server's): the share of the
 * threshold, whole percent, 0–100; or the cooldown's seconds left (rounded up) while it rests.
 */
export function revolutionState(progress: RevolutionProgressDto, now: number): RevolutionState {
  const cooldownUntil = progress.cooldownUntil ? Date.parse(progress.cooldownUntil) : NaN;
  if (Number.isFinite(cooldownUntil) && cooldownUntil > now) {
    return { phase: 'cooling', secondsLeft: Math.ceil((cooldownUntil - now) / 1000) };
  }
  const threshold = Math.max(1, progress.threshold);
  const count = Math.max(0, Math.min(progress.count, threshold));
  return { phase: 'counting', count, threshold, percent: Math.floor((count / threshold) * 100) };
}

export interface RevolutionsProgressState {
  /** By revolution id: the latest reading of each bot. */
  byId: Record<string, RevolutionProgressDto>;
  /** A snapshot replaces everything (bots deleted meanwhile disappear). */
  snapshot: (list: readonly RevolutionProgressDto[]) => void;
  /** One push; an older reading (by `at`) than the one kept is ignored. */
  push: (progress: RevolutionProgressDto) => void;
}

export function createRevolutionsProgressStore() {
  return createStore<RevolutionsProgressState>()((set) => ({
    byId: {},
    snapshot: (list) => set({ byId: Object.fromEntries(list.map((item) => [item.revolutionId, item])) }),
    push: (progress) =>
      set((state) => {
        const kept = state.byId[progress.revolutionId];
        if (kept && Date.parse(kept.at) > Date.parse(progress.at)) return state;
        return { byId: { ...state.byId, [progress.revolutionId]: progress } };
      }),
  }));
}

export type RevolutionsProgressStore = ReturnType<typeof createRevolutionsProgressStore>;
