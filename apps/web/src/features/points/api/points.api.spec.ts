import { pointsKeys, pointsRefreshKeys } from './points.api';

describe('pointsRefreshKeys', () => {
  it('refetches the lists once and the histories of the viewers that changed', () => {
    expect(pointsRefreshKeys('w1', { viewerIds: ['v1', 'v2'] })).toEqual([
      pointsKeys.balances('w1'),
      pointsKeys.leaderboard('w1'),
      pointsKeys.history('w1', 'v1'),
      pointsKeys.history('w1', 'v2'),
    ]);
  });

  it('refetches every history after a reconnect, never the settings', () => {
    const keys = pointsRefreshKeys('w1', 'all');
    expect(keys).toEqual([
      pointsKeys.balances('w1'),
      pointsKeys.leaderboard('w1'),
      pointsKeys.histories('w1'),
    ]);
    expect(keys).not.toContainEqual(pointsKeys.settings('w1'));
  });
});
