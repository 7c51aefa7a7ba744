import {
  DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
  afterFailedAttempt,
  afterFailedDelivery,
  isDelivered,
  maxAutoAttempts,
  responseExcerpt,
} from './webhook-retry.rules';

const policy = { delaysMs: DEFAULT_WEBHOOK_RETRY_DELAYS_MS, disableAfter: 3 };

describe('webhook retries', () => {
  it('waits 10 s, 30 s, 2 min, 10 min, 1 h between automatic attempts, then gives up', () => {
    const waits = [1, 2, 3, 4, 5].map((n) => afterFailedAttempt(policy, 'auto', n));
    expect(waits).toEqual(
      [10_000, 30_000, 120_000, 600_000, 3_600_000].map((delayMs) => ({ kind: 'retry', delayMs })),
    );
    expect(afterFailedAttempt(policy, 'auto', 6)).toEqual({ kind: 'give_up' });
    expect(maxAutoAttempts(policy)).toBe(6);
  });

  it('never retries a replay or a test by itself', () => {
    expect(afterFailedAttempt(policy, 'replay', 1)).toEqual({ kind: 'give_up' });
    expect(afterFailedAttempt(policy, 'test', 1)).toEqual({ kind: 'give_up' });
  });

  it('disables the subscription at the K-th failed delivery in a row', () => {
    expect(afterFailedDelivery(policy, 0)).toEqual({ consecutiveFailures: 1, disable: false });
    expect(afterFailedDelivery(policy, 1)).toEqual({ consecutiveFailures: 2, disable: false });
    expect(afterFailedDelivery(policy, 2)).toEqual({ consecutiveFailures: 3, disable: true });
    expect(afterFailedDelivery({ ...policy, disableAfter: 0 }, 99).disable).toBe(false);
  });

  it('counts only 2xx as delivered', () => {
    expect([199, 200, 204, 299, 300, 404, 500].map(isDelivered)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('keeps at most 1 KB of a response, without splitting a character', () => {
    expect(responseExcerpt('ok')).toBe('ok');
    expect(new TextEncoder().encode(responseExcerpt('x'.repeat(5000))).length).toBe(1024);
    const cut = responseExcerpt('a' + 'é'.repeat(600));
    expect(cut.endsWith('é')).toBe(true);
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(1024);
  });
});
