import { createHmac } from 'node:crypto';
import { parseWebhookSignature } from '@podium/bots';
import { newWebhookSecret, secretHint, signWebhookBody, webhookEventId } from './webhook-crypto';

describe('webhook crypto', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 of the secret, in the Podium-Signature format', () => {
    const header = signWebhookBody('whsec_test', '{"a":1}', 1_763_000_000);
    const expected = createHmac('sha256', 'whsec_test').update('1763000000.{"a":1}').digest('hex');
    expect(header).toBe(`t=1763000000,v1=${expected}`);
    expect(parseWebhookSignature(header)?.v1).toEqual([expected]);
  });

  it('gives the same change the same event id, per workspace', () => {
    const a = webhookEventId('w1', 'redeem.created:r1');
    expect(a).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(webhookEventId('w1', 'redeem.created:r1')).toBe(a);
    expect(webhookEventId('w2', 'redeem.created:r1')).not.toBe(a);
    expect(webhookEventId('w1', 'redeem.created:r2')).not.toBe(a);
  });

  it('makes unguessable secrets with a short hint', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(secret);
    expect(secretHint(secret)).toBe(secret.slice(-4));
  });
});
