import {
  activityBuckets,
  addMoney,
  donationTotals,
  durationSeconds,
  pointsGivenAndSpent,
  viewerStats,
} from './stream-report.rules';

describe('pointsGivenAndSpent', () => {
  it('counts credits as given except refunds and imports, and spending net of refunds', () => {
    expect(
      pointsGivenAndSpent([
        { reason: 'watch', credited: 100, debited: 0 },
        { reason: 'cheer', credited: 50, debited: 0 },
        { reason: 'import', credited: 1000, debited: 0 },
        { reason: 'redeem', credited: 0, debited: 300 },
        { reason: 'refund', credited: 100, debited: 0 },
        { reason: 'vote', credited: 0, debited: 20 },
        { reason: 'adjust', credited: 5, debited: 70 },
      ]),
    ).toEqual({ given: 155, spent: 220 });
  });

  it('never reports negative spending', () => {
    expect(pointsGivenAndSpent([{ reason: 'refund', credited: 40, debited: 0 }])).toEqual({
      given: 0,
      spent: 0,
    });
  });
});

describe('activityBuckets', () => {
  it('fills every minute of the span, empty ones with 0', () => {
    const buckets = activityBuckets(new Date('2026-01-01T10:00:30Z'), new Date('2026-01-01T10:03:10Z'), [
      { minute: new Date('2026-01-01T10:01:00Z'), messages: 4 },
      { minute: new Date('2026-01-01T10:03:00Z'), messages: 1 },
    ]);
    expect(buckets).toEqual([
      { at: '2026-01-01T10:00:00.000Z', messages: 0 },
      { at: '2026-01-01T10:01:00.000Z', messages: 4 },
      { at: '2026-01-01T10:02:00.000Z', messages: 0 },
      { at: '2026-01-01T10:03:00.000Z', messages: 1 },
    ]);
  });

  it('groups minutes when the span is longer than the chart holds', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-01-01T10:00:00Z'); // 601 minutes → 3 minutes a bucket
    const buckets = activityBuckets(from, to, [
      { minute: new Date('2026-01-01T00:01:00Z'), messages: 2 },
      { minute: new Date('2026-01-01T00:02:00Z'), messages: 3 },
      { minute: new Date('2026-01-01T00:03:00Z'), messages: 7 },
    ]);
    expect(buckets.length).toBeLessThanOrEqual(240);
    expect(buckets[0]).toEqual({ at: '2026-01-01T00:00:00.000Z', messages: 5 });
    expect(buckets[1]).toEqual({ at: '2026-01-01T00:03:00.000Z', messages: 7 });
    expect(buckets.reduce((sum, bucket) => sum + bucket.messages, 0)).toBe(12);
  });

  it('ignores counts outside the span', () => {
    const buckets = activityBuckets(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:00:00Z'), [
      { minute: new Date('2026-01-01T11:00:00Z'), messages: 9 },
    ]);
    expect(buckets).toEqual([{ at: '2026-01-01T10:00:00.000Z', messages: 0 }]);
  });
});

describe('viewerStats', () => {
  it('gives peak and rounded mean, null without samples', () => {
    expect(viewerStats([])).toEqual({ peak: null, average: null });
    expect(
      viewerStats([
        { at: 'a', viewers: 10 },
        { at: 'b', viewers: 25 },
        { at: 'c', viewers: 12 },
      ]),
    ).toEqual({ peak: 25, average: 16 });
  });
});

describe('money and durations', () => {
  it('adds decimal amounts exactly per currency', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(addMoney('4.99', '0.01')).toBe('5.00');
    expect(
      donationTotals([
        { amount: '4.99', currency: 'EUR' },
        { amount: '10', currency: 'USD' },
        { amount: '0.02', currency: 'EUR' },
      ]),
    ).toEqual({ EUR: '5.01', USD: '10.00' });
  });

  it('measures whole seconds and never goes negative', () => {
    expect(durationSeconds(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:01:30.4Z'))).toBe(90);
    expect(durationSeconds(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T09:00:00Z'))).toBe(0);
  });
});
