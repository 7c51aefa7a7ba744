import { SpecialConfigSchema } from '@podium/contracts';
import {
  classifySpecialAnswer,
  isAllowedSpecialUrl,
  nextSpecialStep,
  serializeSpecialPayload,
  specialBackoffMs,
  specialErrorText,
} from './special.rules';

describe('special URLs', () => {
  it('allows http and https with a host, nothing else', () => {
    expect(isAllowedSpecialUrl('https://example.com/hook')).toBe(true);
    expect(isAllowedSpecialUrl('http://127.0.0.1:8080/x?y=1')).toBe(true);
    expect(isAllowedSpecialUrl('ftp://example.com')).toBe(false);
    expect(isAllowedSpecialUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedSpecialUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedSpecialUrl('https://user:pw@example.com')).toBe(false);
    expect(isAllowedSpecialUrl('not a url')).toBe(false);
  });

  it('the schema agrees, and keeps the secret write-only and long enough', () => {
    expect(SpecialConfigSchema.safeParse({ url: 'gopher://x' }).success).toBe(false);
    expect(SpecialConfigSchema.safeParse({ url: 'https://x.test', secret: 'short' }).success).toBe(false);
    expect(SpecialConfigSchema.parse({ url: ' https://x.test/a ' })).toEqual({ url: 'https://x.test/a' });
  });
});

describe('retries', () => {
  it('backs off exponentially, capped at five minutes', () => {
    expect([1, 2, 3, 4].map(specialBackoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(specialBackoffMs(30)).toBe(300_000);
  });

  it('classifies answers', () => {
    expect(classifySpecialAnswer(204)).toBe('delivered');
    expect(classifySpecialAnswer(500)).toBe('retry');
    expect(classifySpecialAnswer(429)).toBe('retry');
    expect(classifySpecialAnswer(null)).toBe('retry');
    expect(classifySpecialAnswer(404)).toBe('rejected');
    expect(classifySpecialAnswer(301)).toBe('rejected');
  });

  it('retries a 500 until the last attempt, then fails; a 4xx fails at once', () => {
    expect(nextSpecialStep(1, 500, 3)).toEqual({ status: 'pending', retryInMs: 1000 });
    expect(nextSpecialStep(2, null, 3)).toEqual({ status: 'pending', retryInMs: 2000 });
    expect(nextSpecialStep(3, 500, 3)).toEqual({ status: 'failed', retryInMs: null });
    expect(nextSpecialStep(1, 400, 3)).toEqual({ status: 'failed', retryInMs: null });
    expect(nextSpecialStep(2, 200, 3)).toEqual({ status: 'delivered', retryInMs: null });
  });
});

describe('payload', () => {
  it('serializes in a fixed key order, whatever the object order', () => {
    const viewer = { login: 'ann', platform: 'twitch', displayName: 'Ann', id: 'v1' };
    const body = serializeSpecialPayload({
      redemption: { viewer, createdAt: 't', note: null, spent: 5, id: 'r1' },
      reward: { name: 'lights', id: 'w1' },
      workspaceId: 'ws',
      attempt: 2,
      timestamp: 10,
      type: 'redeem.special',
      id: 'r1',
    });
    expect(body).toBe(
      '{"id":"r1","type":"redeem.special","timestamp":10,"attempt":2,"workspaceId":"ws","reward":{"id":"w1","name":"lights"},' +
        '"redemption":{"id":"r1","spent":5,"note":null,"createdAt":"t","viewer":{"id":"v1","displayName":"Ann","platform":"twitch","login":"ann"}}}',
    );
  });

  it('keeps error text short and on one line', () => {
    expect(specialErrorText('a\n  b')).toBe('a b');
    expect(specialErrorText('x'.repeat(900))).toHaveLength(500);
  });
});
