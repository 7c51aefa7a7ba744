import type { MergeViewersRequest, Platform, ViewerDto } from '@podium/contracts';

/**
 * The two identities a moderator is linking. Whole viewers, not ids: the one to keep is often
 * found under one name and the one to merge under another, so each outlives the search it came from.
 */
export interface MergeSelection {
  /** Kept: it receives the history. */
  target: ViewerDto | null;
  /** Merged into the target: its history moves there. */
  source: ViewerDto | null;
}

export const NO_SELECTION: MergeSelection = { target: null, source: null };

/** Why the selection cannot be merged (yet), in the order a moderator meets them. */
export type MergeProblem =
  'noTarget' | 'noSource' | 'same' | 'targetMerged' | 'sourceMerged' | 'alreadyLinked';

export type MergeRole = 'target' | 'source';

/** Picks `viewer` for `role`, or drops it when it already holds that role; a viewer holds one role. */
export function pick(selection: MergeSelection, role: MergeRole, viewer: ViewerDto): MergeSelection {
  if (selection[role]?.id === viewer.id) return { ...selection, [role]: null };
  const next: MergeSelection =
    role === 'target' ? { ...selection, target: viewer } : { ...selection, source: viewer };
  const other: MergeRole = role === 'target' ? 'source' : 'target';
  return next[other]?.id === viewer.id ? { ...next, [other]: null } : next;
}

export function roleOf(selection: MergeSelection, viewerId: string): MergeRole | null {
  if (selection.target?.id === viewerId) return 'target';
  if (selection.source?.id === viewerId) return 'source';
  return null;
}

/** The request for the selection, or why it cannot be sent. Mirrors the server's checks. */
export function mergeRequest(
  selection: MergeSelection,
): { request: MergeViewersRequest } | { problem: MergeProblem } {
  const { target, source } = selection;
  if (!target) return { problem: 'noTarget' };
  if (!source) return { problem: 'noSource' };
  if (target.id === source.id) return { problem: 'same' };
  // The server refuses chains: a merged identity no longer holds any history.
  if (target.mergedIntoId) return { problem: 'targetMerged' };
  if (source.mergedIntoId === target.id) return { problem: 'alreadyLinked' };
  // Allowed by the server, but the history already left: moving the link would move nothing.
  if (source.mergedIntoId) return { problem: 'sourceMerged' };
  return { request: { sourceViewerId: source.id, targetViewerId: target.id } };
}

/** After a refresh, the selected viewers as the server now has them (renames, new merges). */
export function refreshSelection(selection: MergeSelection, viewers: readonly ViewerDto[]): MergeSelection {
  const fresh = (viewer: ViewerDto | null) => (viewer && viewers.find((v) => v.id === viewer.id)) ?? viewer;
  const target = fresh(selection.target);
  const source = fresh(selection.source);
  return target === selection.target && source === selection.source ? selection : { target, source };
}

/** Enough of a viewer to name it in "merged into …" after it left the current search. */
export interface KnownViewer {
  displayName: string;
  platform: Platform;
}

/** Names of viewers seen in any search, so links read as names. Bounded: the newest stay. */
export const KNOWN_VIEWERS_KEPT = 500;

export function rememberViewers(
  known: ReadonlyMap<string, KnownViewer>,
  viewers: readonly ViewerDto[],
): ReadonlyMap<string, KnownViewer> {
  if (viewers.every((v) => sameKnown(known.get(v.id), v))) return known;
  const next = new Map(known);
  for (const { id, displayName, platform } of viewers) {
    next.delete(id); // Re-inserted last: Map order is the age order the bound trims by.
    next.set(id, { displayName, platform });
  }
  const excess = next.size - KNOWN_VIEWERS_KEPT;
  if (excess > 0) [...next.keys()].slice(0, excess).forEach((id) => next.delete(id));
  return next;
}

function sameKnown(known: KnownViewer | undefined, viewer: ViewerDto): boolean {
  return known?.displayName === viewer.displayName && known.platform === viewer.platform;
}
