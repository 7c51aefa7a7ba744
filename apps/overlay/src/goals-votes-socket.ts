import type { GoalFeedEvent, RecentRedeemsFeedEvent, VoteFeedEvent } from './goals-votes-feed';
import { followSnapshot, type OverlayChannel } from './overlay-channel';

/** A snapshot on every (re)connected session, then the pushes. `stop` unsubscribes; the socket stays the page's. */
export function followGoals(channel: OverlayChannel, report: (event: GoalFeedEvent) => void): () => void {
  const off = channel.on('goal.progress', ({ goal }) => report({ type: 'progress', goal }));
  const snapshots = followSnapshot(channel, 'goals.snapshot', (snapshot) =>
    report({ type: 'snapshot', snapshot }),
  );
  return () => {
    off();
    snapshots.stop();
  };
}

export function followVotes(channel: OverlayChannel, report: (event: VoteFeedEvent) => void): () => void {
  const off = channel.on('vote.tally', ({ tally }) => report({ type: 'tally', tally }));
  const snapshots = followSnapshot(channel, 'votes.snapshot', (snapshot) =>
    report({ type: 'snapshot', snapshot }),
  );
  return () => {
    off();
    snapshots.stop();
  };
}

export function followRecentRedeems(
  channel: OverlayChannel,
  report: (event: RecentRedeemsFeedEvent) => void,
): () => void {
  const off = channel.on('redeem.recent', ({ redeems }) => report({ type: 'redeems', redeems }));
  const snapshots = followSnapshot(channel, 'redeems.recentSnapshot', (snapshot) =>
    report({ type: 'snapshot', snapshot }),
  );
  return () => {
    off();
    snapshots.stop();
  };
}
