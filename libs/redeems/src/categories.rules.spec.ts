import { applyActiveSet, isRewardActive } from './categories.rules';

describe('isRewardActive', () => {
  it('keeps a reward without a category always active', () => {
    expect(isRewardActive({ enabled: true, categories: [] })).toBe(true);
  });
  it('is active while at least one of its categories is', () => {
    const on = { name: 'chill', active: true };
    const off = { name: 'games', active: false };
    expect(isRewardActive({ enabled: true, categories: [off] })).toBe(false);
    expect(isRewardActive({ enabled: true, categories: [off, on] })).toBe(true);
  });
  it('is never active when disabled', () => {
    expect(isRewardActive({ enabled: false, categories: [] })).toBe(false);
    expect(isRewardActive({ enabled: false, categories: [{ name: 'a', active: true }] })).toBe(false);
  });
});

describe('applyActiveSet', () => {
  const categories = [
    { name: 'Chill', active: false },
    { name: 'games', active: true },
    { name: 'music', active: true },
  ];
  it('activates exactly the named categories, case-insensitively', () => {
    const { categories: next, unknown } = applyActiveSet(categories, ['chill', 'MUSIC']);
    expect(next).toEqual([
      { name: 'Chill', active: true },
      { name: 'games', active: false },
      { name: 'music', active: true },
    ]);
    expect(unknown).toEqual([]);
  });
  it('switches everything off with an empty set and reports unknown names', () => {
    const { categories: next, unknown } = applyActiveSet(categories, ['nope']);
    expect(next.every((category) => !category.active)).toBe(true);
    expect(unknown).toEqual(['nope']);
  });
});
