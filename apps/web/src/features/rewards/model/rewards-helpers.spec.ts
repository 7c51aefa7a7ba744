import { goal, reward } from '../test/rewards.factory';
import { parseImportFile } from './import-file';
import { groupRewards, toggleActive } from './reward-groups';
import { createVersionedStore, percentOf } from './versioned.store';

describe('groupRewards', () => {
  it('puts uncategorised rewards first, then categories by name; a reward shows in each of its categories', () => {
    const groups = groupRewards(
      [reward('b', { categories: ['Games'] }), reward('a'), reward('c', { categories: ['games', 'Art'] })],
      [
        { id: 'g', name: 'Games', active: true, rewardCount: 2 },
        { id: 'x', name: 'Art', active: false, rewardCount: 1 },
        { id: 'e', name: 'Empty', active: true, rewardCount: 0 },
      ],
    );
    expect(groups.map((group) => [group.category?.name ?? null, group.rewards.map((r) => r.name)])).toEqual([
      [null, ['a']],
      ['Art', ['c']],
      ['Games', ['b', 'c']],
    ]);
  });

  it('toggles one category in the active set, case-insensitively', () => {
    expect(toggleActive(['Games', 'Art'], 'games', false)).toEqual(['Art']);
    expect(toggleActive(['Art'], 'Games', true)).toEqual(['Art', 'Games']);
    expect(toggleActive(['games'], 'Games', true)).toEqual(['Games']);
  });
});

describe('parseImportFile', () => {
  it('accepts a Tlapbot object and refuses anything else', () => {
    const file = JSON.stringify({ hydrate: { price: 60, type: 'list', info: 'Drink' } });
    expect(parseImportFile(file)).toEqual({ ok: true, count: 1, request: JSON.parse(file) as unknown });
    expect(parseImportFile('{nope')).toEqual({ ok: false, error: 'invalid_json' });
    expect(parseImportFile('[1]')).toEqual({ ok: false, error: 'not_object' });
    expect(parseImportFile('{}')).toEqual({ ok: false, error: 'empty' });
  });
});

describe('versioned store', () => {
  it('keeps the highest version of each goal and replaces all on a snapshot', () => {
    const store = createVersionedStore<ReturnType<typeof goal>>();
    store.getState().snapshot([goal('g1', 10, 2), goal('g2', 0, 1)]);
    store.getState().push(goal('g1', 30, 4));
    store.getState().push(goal('g1', 20, 3));
    expect(store.getState().byId['g1']?.progress).toBe(30);
    store.getState().snapshot([goal('g1', 0, 5)]);
    expect(Object.keys(store.getState().byId)).toEqual(['g1']);
  });

  it('computes a whole, bounded percent', () => {
    expect(percentOf(333, 1000)).toBe(33);
    expect(percentOf(2000, 1000)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });
});
