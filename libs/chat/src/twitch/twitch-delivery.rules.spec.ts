import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTwitchDeliveryHeaders, type HeaderBag, verifyTwitchSignature } from './twitch-delivery.rules';
import { twitchOutboxLimits } from './twitch-limits.rules';
import { missingTwitchScopes, TWITCH_BOT_SCOPES, TWITCH_BROADCASTER_SCOPES } from './twitch-eventsub.types';

const NOW = Date.parse('2026-03-14T19:10:00Z');

function headers(overrides: HeaderBag = {}): HeaderBag {
  return {
    'twitch-eventsub-message-id': '6eee331f-7692-5c0c-a455-5daac6365ad9',
    'twitch-eventsub-message-type': 'notification',
    'twitch-eventsub-message-timestamp': '2026-03-14T19:02:11.306512774Z',
    'twitch-eventsub-message-signature': 'sha256=00',
    'content-length': '1200',
    ...overrides,
  };
}

const check = (h: HeaderBag) => checkTwitchDeliveryHeaders(h, { nowMs: NOW, maxBodyBytes: 256 * 1024 });

describe('checkTwitchDeliveryHeaders', () => {
  it('accepts a fresh, complete delivery', () => {
    expect(check(headers())).toEqual({
      ok: true,
      messageId: '6eee331f-7692-5c0c-a455-5daac6365ad9',
      messageType: 'notification',
      timestamp: '2026-03-14T19:02:11.306512774Z',
      signature: 'sha256=00',
    });
  });

  it('refuses a message older than 10 minutes, and one from the future', () => {
    expect(check(headers({ 'twitch-eventsub-message-timestamp': '2026-03-14T18:59:59.9Z' }))).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('older than 10 minutes'),
    });
    expect(check(headers({ 'twitch-eventsub-message-timestamp': '2026-03-14T19:00:00.5Z' })).ok).toBe(true);
    expect(check(headers({ 'twitch-eventsub-message-timestamp': '2026-03-14T19:15:00Z' }))).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses unsigned requests and unknown message types', () => {
    expect(check(headers({ 'twitch-eventsub-message-signature': undefined }))).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(check(headers({ 'twitch-eventsub-message-id': undefined }))).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(check(headers({ 'twitch-eventsub-message-type': 'gossip' }))).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(check(headers({ 'twitch-eventsub-message-timestamp': 'yesterday' }))).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('needs a Content-Length no larger than the limit', () => {
    expect(check(headers({ 'content-length': undefined }))).toMatchObject({ ok: false, status: 411 });
    expect(check(headers({ 'content-length': String(256 * 1024 + 1) }))).toMatchObject({
      ok: false,
      status: 413,
    });
    expect(check(headers({ 'content-length': String(256 * 1024) })).ok).toBe(true);
    expect(check(headers({ 'content-length': '12e3' }))).toMatchObject({ ok: false, status: 400 });
  });
});

describe('twitchOutboxLimits', () => {
  it('allows 20 messages per 30 s, 100 for the broadcaster or a moderator, 500 characters each', () => {
    expect(twitchOutboxLimits({ isBroadcaster: false, isModerator: false })).toEqual({
      maxLength: 500,
      messages: 20,
      perMs: 30_000,
    });
    expect(twitchOutboxLimits({ isBroadcaster: true, isModerator: false }).messages).toBe(100);
    expect(twitchOutboxLimits({ isBroadcaster: false, isModerator: true }).messages).toBe(100);
  });
});

describe('missingTwitchScopes', () => {
  it('names the scopes a grant lacks', () => {
    expect(missingTwitchScopes([...TWITCH_BROADCASTER_SCOPES], TWITCH_BROADCASTER_SCOPES)).toEqual([]);
    expect(missingTwitchScopes(['user:read:chat'], TWITCH_BOT_SCOPES)).toEqual([
      'user:write:chat',
      'user:bot',
    ]);
  });
});

describe('verifyTwitchSignature', () => {
  const vectors = (
    JSON.parse(
      readFileSync(
        join(__dirname, '../../../../apps/api/test/fixtures/twitch/signing_test_vectors.json'),
        'utf8',
      ),
    ) as {
      vectors: {
        secret: string;
        headers: Record<string, string>;
        raw_body: string;
        expected_signature: string;
      }[];
    }
  ).vectors;

  it("accepts Twitch's own test vectors and refuses any change to body, id, time or secret", () => {
    for (const vector of vectors) {
      const delivery = {
        messageId: vector.headers['Twitch-Eventsub-Message-Id']!,
        timestamp: vector.headers['Twitch-Eventsub-Message-Timestamp']!,
        signature: vector.expected_signature,
      };
      expect(verifyTwitchSignature(vector.secret, delivery, vector.raw_body)).toBe(true);
      expect(verifyTwitchSignature(vector.secret, delivery, Buffer.from(vector.raw_body))).toBe(true);
      expect(verifyTwitchSignature(vector.secret, delivery, vector.raw_body + ' ')).toBe(false);
      expect(verifyTwitchSignature(`${vector.secret}x`, delivery, vector.raw_body)).toBe(false);
      expect(verifyTwitchSignature(vector.secret, { ...delivery, messageId: 'other' }, vector.raw_body)).toBe(
        false,
      );
      expect(
        verifyTwitchSignature(
          vector.secret,
          { ...delivery, timestamp: '2021-02-19T23:47:00Z' },
          vector.raw_body,
        ),
      ).toBe(false);
      expect(
        verifyTwitchSignature(vector.secret, { ...delivery, signature: 'sha256=zz' }, vector.raw_body),
      ).toBe(false);
    }
  });
});
