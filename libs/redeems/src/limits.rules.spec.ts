import { cooldownSecondsLeft, redeemCost, streamKey, withinLimit } from './limits.rules';

describe('cooldownSecondsLeft', () => {
  const until = 1_000_000;
  it('is 0 exactly at the end and after', () => {
    expect(cooldownSecondsLeft(until, until)).toBe(0);
    expect(cooldownSecondsLeft(until, until + 1)).toBe(0);
  });
  it('rounds up, so a running cooldown never shows 0 seconds', () => {
    expect(cooldownSecondsLeft(until, until - 1)).toBe(1);
    expect(cooldownSecondsLeft(until, until - 1000)).toBe(1);
    expect(cooldownSecondsLeft(until, until - 1001)).toBe(2);
    expect(cooldownSecondsLeft(until, until - 30_000)).toBe(30);
  });
});

describe('withinLimit', () => {
  it('allows up to max and refuses the one after', () => {
    expect(withinLimit(0, 1)).toBe(true);
    expect(withinLimit(1, 1)).toBe(false);
    expect(withinLimit(2, 3)).toBe(true);
    expect(withinLimit(3, 3)).toBe(false);
  });
  it('never refuses without a max', () => {
    expect(withinLimit(1_000_000, null)).toBe(true);
  });
});

describe('streamKey', () => {
  it('names the stream by its start, or none', () => {
    expect(streamKey(null)).toBe('none');
    expect(streamKey(new Date('2026-11-21T10:00:00Z'))).toBe('2026-11-21T10:00:00.000Z');
  });
});

describe('redeemCost', () => {
  it('charges the price for list, note, counter and special', () => {
    for (const type of ['list', 'note', 'counter', 'special']) {
      expect(redeemCost({ type, price: 100 }, 7)).toBe(100);
    }
  });
  it('charges a goal contribution, at least the price and at least 1', () => {
    expect(redeemCost({ type: 'goal', price: 0 }, 250)).toBe(250);
    expect(redeemCost({ type: 'goal', price: 0 }, undefined)).toBeNull();
    expect(redeemCost({ type: 'goal', price: 0 }, 0)).toBeNull();
    expect(redeemCost({ type: 'goal', price: 50 }, 49)).toBeNull();
    expect(redeemCost({ type: 'goal', price: 50 }, 50)).toBe(50);
  });
  it('charges votes × price per vote (one vote by default)', () => {
    expect(redeemCost({ type: 'vote', price: 0, pricePerVote: 10 }, undefined)).toBe(10);
    expect(redeemCost({ type: 'vote', price: 0, pricePerVote: 10 }, 3)).toBe(30);
    expect(redeemCost({ type: 'vote', price: 0, pricePerVote: 10 }, 0)).toBeNull();
  });
});
