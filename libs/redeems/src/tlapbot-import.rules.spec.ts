import { parseTlapbotRewards } from './tlapbot-import.rules';

describe('parseTlapbotRewards', () => {
  it('reads list, note, counter and milestone rewards with their info and categories', () => {
    const result = parseTlapbotRewards({
      hydrate: { price: 60, type: 'list', info: 'Make me drink water.', categories: ['default'] },
      Question: { price: 100, type: 'note', info: 'Ask anything', category: 'talk' },
      lurk: { price: 1, type: 'counter' },
      new_mic: { goal: 5000, type: 'milestone', info: 'Buy a new mic' },
      plain: { price: 10 },
    });
    expect(result.skipped).toEqual([]);
    expect(result.rewards).toEqual([
      {
        name: 'hydrate',
        type: 'list',
        price: 60,
        description: 'Make me drink water.',
        categories: ['default'],
      },
      { name: 'question', type: 'note', price: 100, description: 'Ask anything', categories: ['talk'] },
      { name: 'lurk', type: 'counter', price: 1, description: '', categories: [] },
      {
        name: 'new_mic',
        type: 'goal',
        price: 0,
        description: 'Buy a new mic',
        categories: [],
        goal: { target: 5000, milestones: [] },
      },
      { name: 'plain', type: 'list', price: 10, description: '', categories: [] },
    ]);
  });

  it('skips bad entries with a reason and keeps the good ones', () => {
    const result = parseTlapbotRewards({
      good: { price: 5, type: 'list' },
      'bad name!': { price: 5 },
      weird: { price: 5, type: 'dance' },
      cheap: { price: -1 },
      fractional: { price: 1.5 },
      goalless: { type: 'milestone' },
      notobject: 42,
      GOOD: { price: 1 },
      cats: { price: 1, categories: [3] },
    });
    expect(result.rewards.map((reward) => reward.name)).toEqual(['good']);
    expect(result.skipped.map((skip) => skip.name)).toEqual([
      'bad name!',
      'weird',
      'cheap',
      'fractional',
      'goalless',
      'notobject',
      'good',
      'cats',
    ]);
    expect(result.skipped.every((skip) => skip.reason.length > 0)).toBe(true);
  });

  it('refuses a file that is not an object of rewards', () => {
    expect(parseTlapbotRewards([1, 2]).rewards).toEqual([]);
    expect(parseTlapbotRewards('x').skipped).toHaveLength(1);
  });
});
