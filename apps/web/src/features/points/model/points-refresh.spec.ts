import { createPointsRefresher, type PointsRefresh } from './points-refresh';

describe('createPointsRefresher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup() {
    const calls: PointsRefresh[] = [];
    const refresher = createPointsRefresher(1_000, (change) => calls.push(change));
    return { calls, refresher };
  }

  it('refreshes the first change at once, then one batch per interval with every viewer changed', () => {
    const { calls, refresher } = setup();
    refresher.add({ viewerIds: ['a'] });
    expect(calls).toEqual([{ viewerIds: ['a'] }]);
    refresher.add({ viewerIds: ['b'] });
    refresher.add({ viewerIds: ['c', 'b'] });
    expect(calls).toHaveLength(1);
    jest.advanceTimersByTime(1_000);
    expect(calls).toEqual([{ viewerIds: ['a'] }, { viewerIds: ['b', 'c'] }]);
    jest.advanceTimersByTime(5_000);
    expect(calls).toHaveLength(2);
    refresher.add({ viewerIds: ['d'] });
    expect(calls.at(-1)).toEqual({ viewerIds: ['d'] });
  });

  it('turns a batch into a full refresh once pushes may have been missed', () => {
    const { calls, refresher } = setup();
    refresher.add({ viewerIds: ['a'] });
    refresher.add('all');
    refresher.add({ viewerIds: ['b'] });
    jest.advanceTimersByTime(1_000);
    expect(calls).toEqual([{ viewerIds: ['a'] }, 'all']);
  });

  it('refreshes nothing after stop', () => {
    const { calls, refresher } = setup();
    refresher.add({ viewerIds: ['a'] });
    refresher.add({ viewerIds: ['b'] });
    refresher.stop();
    jest.advanceTimersByTime(5_000);
    expect(calls).toEqual([{ viewerIds: ['a'] }]);
  });
});
