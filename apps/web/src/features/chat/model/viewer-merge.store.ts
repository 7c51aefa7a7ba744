import type { ViewerDto } from '@podium/contracts';
import { createStore } from 'zustand';
import {
  type KnownViewer,
  type MergeRole,
  type MergeSelection,
  NO_SELECTION,
  pick,
  refreshSelection,
  rememberViewers,
} from './viewer-merge';

/** The link just made, for the success notice. */
export interface LastMerge {
  source: ViewerDto;
  target: ViewerDto;
}

export interface ViewerMergeState {
  selection: MergeSelection;
  /** Names by viewer id, from every search, for "merged into …". */
  known: ReadonlyMap<string, KnownViewer>;
  lastMerge: LastMerge | null;
  pick: (role: MergeRole, viewer: ViewerDto) => void;
  clear: () => void;
  /** A fetched list of viewers: their names are kept and the selection follows their changes. */
  see: (viewers: readonly ViewerDto[]) => void;
  /** The server linked `source` to `target` (the target as it answered). */
  merged: (source: ViewerDto, target: ViewerDto) => void;
}

/** One per Viewers page: the moderator's pick of the identity to keep and the one to merge into it. */
export function createViewerMergeStore() {
  return createStore<ViewerMergeState>()((set) => ({
    selection: NO_SELECTION,
    known: new Map(),
    lastMerge: null,
    pick: (role, viewer) =>
      set((state) => ({ selection: pick(state.selection, role, viewer), lastMerge: null })),
    clear: () => set({ selection: NO_SELECTION }),
    see: (viewers) =>
      set((state) => {
        const known = rememberViewers(state.known, viewers);
        const selection = refreshSelection(state.selection, viewers);
        return known === state.known && selection === state.selection ? state : { known, selection };
      }),
    merged: (source, target) =>
      set((state) => ({
        selection: NO_SELECTION,
        known: rememberViewers(state.known, [target, source]),
        lastMerge: { source: { ...source, mergedIntoId: target.id }, target },
      })),
  }));
}

export type ViewerMergeStore = ReturnType<typeof createViewerMergeStore>;
