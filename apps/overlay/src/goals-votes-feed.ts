import type {
  GoalProgressDto,
  GoalsSnapshotDto,
  RecentRedeemDto,
  RecentRedeemsSnapshotDto,
  VotesSnapshotDto,
  VoteTallyDto,
} from '@podium/contracts';

/**
 * Models of the goal, vote and recent-redeems overlays. Pure: React only draws what they compute.
 * Pushes can overtake each other or a snapshot: an item keeps the highest `version` it has seen,
 * except that a snapshot after a reconnect replaces everything (the server is whole again).
 */

/** Shows only the reward named in the URL (`?reward=<name>`), or every enabled one. */
export function rewardFilterFrom(search: string): string | null {
  const name = new URLSearchParams(search).get('reward')?.trim().toLowerCase() ?? '';
  return name === '' ? null : name;
}

interface Versioned {
  rewardId: string;
  name: string;
  enabled: boolean;
  version: number;
}

function shown<T extends Versioned>(items: readonly T[], filter: string | null): T[] {
  return items.filter((item) => (filter === null ? item.enabled : item.name === filter));
}

function upsert<T extends Versioned>(items: readonly T[], next: T, filter: string | null): T[] {
  const index = items.findIndex((item) => item.rewardId === next.rewardId);
  const wanted = shown([next], filter).length === 1;
  if (index === -1) return wanted ? [...items, next] : [...items];
  if (!wanted) return items.filter((_, i) => i !== index);
  const current = items[index] as T;
  if (next.version < current.version) return [...items];
  return items.map((item, i) => (i === index ? next : item));
}

export interface GoalFeed {
  goals: GoalProgressDto[];
}
export type GoalFeedEvent =
  { type: 'snapshot'; snapshot: GoalsSnapshotDto } | { type: 'progress'; goal: GoalProgressDto };

export const initialGoalFeed: GoalFeed = { goals: [] };

export function reduceGoalFeed(filter: string | null) {
  return (state: GoalFeed, event: GoalFeedEvent): GoalFeed => {
    switch (event.type) {
      case 'snapshot':
        return { goals: shown(event.snapshot.goals, filter) };
      case 'progress':
        return { goals: upsert(state.goals, event.goal, filter) };
    }
  };
}

/** How full a goal is, 0–1. */
export function goalShare(goal: Pick<GoalProgressDto, 'progress' | 'target'>): number {
  if (goal.target <= 0) return 1;
  return Math.max(0, Math.min(1, goal.progress / goal.target));
}

export interface VoteFeed {
  votes: VoteTallyDto[];
}
export type VoteFeedEvent =
  { type: 'snapshot'; snapshot: VotesSnapshotDto } | { type: 'tally'; tally: VoteTallyDto };

export const initialVoteFeed: VoteFeed = { votes: [] };

export function reduceVoteFeed(filter: string | null) {
  return (state: VoteFeed, event: VoteFeedEvent): VoteFeed => {
    switch (event.type) {
      case 'snapshot':
        return { votes: shown(event.snapshot.votes, filter) };
      case 'tally':
        return { votes: upsert(state.votes, event.tally, filter) };
    }
  };
}

export interface RecentRedeemsFeed {
  /** Newest first. */
  redeems: RecentRedeemDto[];
}
export type RecentRedeemsFeedEvent =
  { type: 'snapshot'; snapshot: RecentRedeemsSnapshotDto } | { type: 'redeems'; redeems: RecentRedeemDto[] };

export const initialRecentRedeemsFeed: RecentRedeemsFeed = { redeems: [] };
/** Lines the recent-redeems overlay shows. */
export const RECENT_REDEEMS_SHOWN = 5;

export function reduceRecentRedeemsFeed(
  state: RecentRedeemsFeed,
  event: RecentRedeemsFeedEvent,
): RecentRedeemsFeed {
  switch (event.type) {
    case 'snapshot':
      return { redeems: event.snapshot.redeems.slice(0, RECENT_REDEEMS_SHOWN) };
    case 'redeems': {
      const known = new Set(state.redeems.map((r) => r.redemptionId));
      const added = event.redeems.filter((r) => !known.has(r.redemptionId));
      if (added.length === 0) return state;
      const redeems = [...added, ...state.redeems].sort(
        (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
      );
      return { redeems: redeems.slice(0, RECENT_REDEEMS_SHOWN) };
    }
  }
}
