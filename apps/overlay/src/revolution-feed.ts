import type { RevolutionProgressDto, RevolutionsSnapshotDto } from '@podium/contracts';

/**
 * The revolution overlay's model: the bots it shows, each with its latest progress. Pure: React
 * only draws what it computes.
 */
export interface RevolutionFeed {
  /** In the order the snapshot gave them (creation order); pushes for new bots go last. */
  bars: RevolutionProgressDto[];
}

export type RevolutionFeedEvent =
  | { type: 'snapshot'; snapshot: RevolutionsSnapshotDto }
  | { type: 'progress'; progress: RevolutionProgressDto };

export const initialRevolutionFeed: RevolutionFeed = { bars: [] };

export function reduceRevolutionFeed(state: RevolutionFeed, event: RevolutionFeedEvent): RevolutionFeed {
  switch (event.type) {
    case 'snapshot':
      return { bars: event.snapshot.revolutions.filter((bar) => bar.showOnOverlay) };
    case 'progress': {
      const { progress } = event;
      const index = state.bars.findIndex((bar) => bar.revolutionId === progress.revolutionId);
      if (!progress.showOnOverlay) {
        return index === -1 ? state : { bars: state.bars.filter((_, i) => i !== index) };
      }
      if (index === -1) return { bars: [...state.bars, progress] };
      // Pushes can overtake each other: an older reading never replaces a newer one.
      const current = state.bars[index] as RevolutionProgressDto;
      if (Date.parse(progress.at) < Date.parse(current.at)) return state;
      return { bars: state.bars.map((bar, i) => (i === index ? progress : bar)) };
    }
  }
}

/** How full a bar is, 0–1. */
export function barShare(bar: RevolutionProgressDto): number {
  if (bar.threshold <= 0) return 1;
  return Math.max(0, Math.min(1, bar.count / bar.threshold));
}

/** Whether the bot rests after a fire at this (server) instant. */
export function isResting(bar: RevolutionProgressDto, serverNow: number): boolean {
  return bar.cooldownUntil !== null && serverNow < Date.parse(bar.cooldownUntil);
}

/**
 * Counts fall as hits leave the sliding window, which no push announces: while any bar is
 * partly full the overlay asks for a fresh snapshot this often.
 */
export const REFRESH_WHILE_COUNTING_MS = 5_000;

export function needsRefresh(state: RevolutionFeed): boolean {
  return state.bars.some((bar) => bar.count > 0);
}
