import type { ModerationLogEntryDto } from '@podium/contracts';
import { createStore } from 'zustand';

/** Entries a page asks for. */
export const MODERATION_LOG_PAGE_SIZE = 50;

export interface ModerationLogState {
  /** Newest first, one per id. */
  entries: ModerationLogEntryDto[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** A full page came back last time: there may be older entries. */
  hasOlder: boolean;
  loadingOlder: boolean;

  loading: () => void;
  /** The newest page (first load, reload after a reconnect): merged with pushes already shown. */
  latest: (page: readonly ModerationLogEntryDto[], limit: number) => void;
  /** A page older than the oldest shown. */
  older: (page: readonly ModerationLogEntryDto[], limit: number) => void;
  olderLoading: (loading: boolean) => void;
  /** One live `moderation.logged` push. */
  pushed: (entry: ModerationLogEntryDto) => void;
  failed: (error: unknown) => void;
}

/** Newest first by `at` (then id, for a stable order), one entry per id. */
export function mergeLog(
  kept: readonly ModerationLogEntryDto[],
  incoming: readonly ModerationLogEntryDto[],
): ModerationLogEntryDto[] {
  const byId = new Map(kept.map((entry) => [entry.id, entry]));
  for (const entry of incoming) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

export function createModerationLogStore() {
  return createStore<ModerationLogState>()((set) => ({
    entries: [],
    status: 'loading',
    error: null,
    hasOlder: false,
    loadingOlder: false,
    loading: () =>
      set((state) => ({ status: state.entries.length > 0 ? state.status : 'loading', error: null })),
    latest: (page, limit) =>
      set((state) => ({
        entries: mergeLog(state.entries, page),
        status: 'ready',
        error: null,
        // Only the first load says whether older pages exist; a reload keeps what paging learnt.
        hasOlder: state.status === 'loading' ? page.length >= limit : state.hasOlder || page.length >= limit,
      })),
    older: (page, limit) =>
      set((state) => ({
        entries: mergeLog(state.entries, page),
        hasOlder: page.length >= limit,
        loadingOlder: false,
      })),
    olderLoading: (loadingOlder) => set({ loadingOlder }),
    pushed: (entry) => set((state) => ({ entries: mergeLog(state.entries, [entry]) })),
    failed: (error) => set({ status: 'error', error, loadingOlder: false }),
  }));
}

export type ModerationLogStore = ReturnType<typeof createModerationLogStore>;

/** The id to page back from: the oldest entry shown. */
export function oldestEntryId(state: Pick<ModerationLogState, 'entries'>): string | undefined {
  return state.entries[state.entries.length - 1]?.id;
}
