/** What the Points page refetches: the balances of some viewers, or everything it shows. */
export type PointsRefresh = { viewerIds: string[] } | 'all';

export interface PointsRefresher {
  /** Balances changed (their viewers), or pushes may have been missed ('all'). */
  add(change: PointsRefresh): void;
  stop(): void;
}

/**
 * Coalesces `points.changed` pushes into refetches: the first at once, then at most one every
 * `intervalMs` with every viewer changed meanwhile. During a burst of redeems the server pushes
 * every 100 ms; an open Points page need not refetch its lists that often.
 */
export function createPointsRefresher(
  intervalMs: number,
  refresh: (change: PointsRefresh) => void,
): PointsRefresher {
  let pending: Set<string> | 'all' | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (pending === null) return;
    const change: PointsRefresh = pending === 'all' ? 'all' : { viewerIds: [...pending] };
    pending = null;
    refresh(change);
    timer = setTimeout(flush, intervalMs);
  };
  return {
    add(change) {
      if (change === 'all' || pending === 'all') pending = 'all';
      else {
        pending ??= new Set();
        for (const id of change.viewerIds) pending.add(id);
      }
      if (timer === null) flush();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
