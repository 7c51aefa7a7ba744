import { createHmac } from 'node:crypto';
import {
  formatWebhookSignature,
  isWebhookTimestampFresh,
  parseWebhookSignature,
  webhookSignedPayload,
} from './webhook-signature.rules';

const hmac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

describe('webhook signature header', () => {
  it('round-trips a timestamp and a signature of "<t>.<body>"', () => {
    const body = '{"id":"evt_1"}';
    const hex = hmac('whsec_x', webhookSignedPayload(1_700_000_000, body));
    const header = formatWebhookSignature(1_700_000_000, [hex]);
    expect(header).toBe(`t=1700000000,v1=${hex}`);
    expect(parseWebhookSignature(header)).toEqual({ timestampSeconds: 1_700_000_000, v1: [hex] });
    expect(webhookSignedPayload(5, 'b')).toBe('5.b');
  });

  it('keeps every v1 value and ignores unknown schemes', () => {
    const a = 'a'.repeat(64);
    const b = 'B'.repeat(64);
    expect(parseWebhookSignature(`t=1,v0=zz,v1=${a},v1=${b}`)).toEqual({
      timestampSeconds: 1,
      v1: [a, 'b'.repeat(64)],
    });
  });

  it('refuses headers without a timestamp or a well-formed signature', () => {
    expect(parseWebhookSignature(undefined)).toBeNull();
    expect(parseWebhookSignature(`v1=${'a'.repeat(64)}`)).toBeNull();
    expect(parseWebhookSignature('t=12,v1=nothex')).toBeNull();
    expect(parseWebhookSignature('t=abc,v1=' + 'a'.repeat(64))).toBeNull();
  });

  it('accepts a timestamp within the tolerance either side of now', () => {
    expect(isWebhookTimestampFresh(1000, 1300)).toBe(true);
    expect(isWebhookTimestampFresh(1000, 1301)).toBe(false);
    expect(isWebhookTimestampFresh(1301, 1000)).toBe(false);
    expect(isWebhookTimestampFresh(1000, 1010, 5)).toBe(false);
  });
});
