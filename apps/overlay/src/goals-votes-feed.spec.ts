import type { GoalProgressDto, RecentRedeemDto, VoteTallyDto } from '@podium/contracts';
import {
  goalShare,
  initialGoalFeed,
  initialRecentRedeemsFeed,
  initialVoteFeed,
  RECENT_REDEEMS_SHOWN,
  reduceGoalFeed,
  reduceRecentRedeemsFeed,
  reduceVoteFeed,
  rewardFilterFrom,
} from './goals-votes-feed';

const goal = (overrides: Partial<GoalProgressDto> = {}): GoalProgressDto => ({
  rewardId: 'g1',
  workspaceId: 'w',
  name: 'boat',
  target: 100,
  progress: 10,
  milestones: [],
  contributors: 1,
  completedAt: null,
  round: 1,
  version: 2,
  enabled: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const tally = (overrides: Partial<VoteTallyDto> = {}): VoteTallyDto => ({
  rewardId: 'v1',
  workspaceId: 'w',
  name: 'food',
  pricePerVote: 10,
  options: [],
  totalVotes: 0,
  voters: 0,
  closedAt: null,
  round: 1,
  version: 1,
  enabled: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('goal feed', () => {
  it('shows enabled goals from the snapshot, then keeps the newest version of each', () => {
    const reduce = reduceGoalFeed(null);
    let state = reduce(initialGoalFeed, {
      type: 'snapshot',
      snapshot: { goals: [goal(), goal({ rewardId: 'off', enabled: false })], serverTime: '' },
    });
    expect(state.goals.map((g) => g.rewardId)).toEqual(['g1']);
    state = reduce(state, { type: 'progress', goal: goal({ progress: 50, version: 5 }) });
    // An older push arriving late changes nothing.
    state = reduce(state, { type: 'progress', goal: goal({ progress: 30, version: 4 }) });
    expect(state.goals[0]?.progress).toBe(50);
    // A disabled goal leaves; a new one joins.
    state = reduce(state, { type: 'progress', goal: goal({ rewardId: 'g2', version: 1 }) });
    state = reduce(state, { type: 'progress', goal: goal({ enabled: false, version: 6 }) });
    expect(state.goals.map((g) => g.rewardId)).toEqual(['g2']);
  });

  it('follows only the goal named in the URL', () => {
    expect(rewardFilterFrom('?token=x&reward=Boat')).toBe('boat');
    expect(rewardFilterFrom('?token=x')).toBeNull();
    const reduce = reduceGoalFeed('boat');
    const state = reduce(initialGoalFeed, {
      type: 'snapshot',
      snapshot: { goals: [goal(), goal({ rewardId: 'g2', name: 'car' })], serverTime: '' },
    });
    expect(state.goals.map((g) => g.name)).toEqual(['boat']);
    expect(goalShare(goal({ progress: 150 }))).toBe(1);
    expect(goalShare(goal({ progress: 25 }))).toBe(0.25);
  });
});

describe('vote feed', () => {
  it('replaces a tally with a newer version only; a snapshot replaces all', () => {
    const reduce = reduceVoteFeed(null);
    let state = reduce(initialVoteFeed, { type: 'tally', tally: tally({ totalVotes: 3, version: 3 }) });
    state = reduce(state, { type: 'tally', tally: tally({ totalVotes: 2, version: 2 }) });
    expect(state.votes[0]?.totalVotes).toBe(3);
    state = reduce(state, {
      type: 'snapshot',
      snapshot: { votes: [tally({ totalVotes: 0, version: 1 })], serverTime: '' },
    });
    expect(state.votes[0]?.totalVotes).toBe(0);
  });
});

describe('recent redeems feed', () => {
  const redeem = (id: string, at: string): RecentRedeemDto => ({
    redemptionId: id,
    workspaceId: 'w',
    rewardName: 'hydrate',
    rewardType: 'list',
    viewerName: 'Ann',
    spent: 5,
    createdAt: at,
  });

  it('keeps the newest few, newest first, once each', () => {
    let state = initialRecentRedeemsFeed;
    for (let i = 0; i < 8; i += 1) {
      state = reduceRecentRedeemsFeed(state, {
        type: 'redeems',
        redeems: [redeem(`r${i}`, `2026-01-01T00:00:0${i}.000Z`)],
      });
    }
    const before = state;
    state = reduceRecentRedeemsFeed(state, {
      type: 'redeems',
      redeems: [redeem('r7', '2026-01-01T00:00:07.000Z')],
    });
    expect(state).toBe(before);
    expect(state.redeems.map((r) => r.redemptionId)).toEqual(['r7', 'r6', 'r5', 'r4', 'r3']);
    expect(state.redeems).toHaveLength(RECENT_REDEEMS_SHOWN);
  });

  it('takes a burst pushed at once, whatever its order, and skips the ones it has', () => {
    let state = reduceRecentRedeemsFeed(initialRecentRedeemsFeed, {
      type: 'snapshot',
      snapshot: {
        redeems: [redeem('r1', '2026-01-01T00:00:01.000Z')],
        serverTime: '2026-01-01T00:00:01.000Z',
      },
    });
    state = reduceRecentRedeemsFeed(state, {
      type: 'redeems',
      redeems: [
        redeem('r1', '2026-01-01T00:00:01.000Z'),
        redeem('r3', '2026-01-01T00:00:03.000Z'),
        redeem('r2', '2026-01-01T00:00:02.000Z'),
      ],
    });
    expect(state.redeems.map((r) => r.redemptionId)).toEqual(['r3', 'r2', 'r1']);
  });
});
