import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type FakeSubscription, signEventSubMessage } from '@podium/fakes';
import { BODY_MUTATIONS, copyJson, flipHexChar, Rng } from './support/fuzz-mutations';
import { answer, type FuzzCase } from './support/fuzz-runner';
import {
  CHAT_EVENTS,
  COUNT,
  FIXTURES,
  type Forgery,
  forgedCase,
  fuzzCaseStart,
  fuzzWebhook,
  plan,
  PUBLIC_URL,
  readJson,
  SEED,
  TIMEOUT,
  useWebhookFuzzApp,
  validCase,
} from './support/fuzz-webhooks';

/** Twitch EventSub fuzzing; the rules are in ./support/fuzz-webhooks. */

/** An RFC 3339 timestamp with nanoseconds, as Twitch writes them. */
function twitchTimestamp(at: number, rng: Rng): string {
  return new Date(at).toISOString().replace('Z', `${String(rng.int(1e6)).padStart(6, '0')}Z`);
}

describe('Inbound webhook fuzzing (PostgreSQL)', () => {
  const h = useWebhookFuzzApp();

  describe('Twitch EventSub (HMAC over id + timestamp + body, 10-minute window)', () => {
    const notifications = readdirSync(join(FIXTURES, 'twitch/eventsub'))
      .filter((file) => file.startsWith('notification.'))
      .map((file) =>
        readJson<{ body: { subscription: { type: string }; event: Record<string, unknown> } }>(
          'twitch/eventsub',
          file,
        ),
      );

    interface Sent {
      url: string;
      messageId: string;
      rawBody: string;
      signature: string;
      timestamp: string;
      type: string;
      version: string;
    }

    function subscriptionFor(type: string): FakeSubscription {
      const sub = h.fake.subscriptions.find((s) => s.type === type && s.status === 'enabled');
      if (!sub || sub.transport.method !== 'webhook')
        throw new Error(`no enabled webhook subscription for ${type}`);
      return sub;
    }
    const secretOf = (sub: FakeSubscription) =>
      sub.transport.method === 'webhook' ? sub.transport.secret : '';
    const urlOf = (sub: FakeSubscription) =>
      sub.transport.method === 'webhook' ? sub.transport.callback.replace(PUBLIC_URL, h.app.baseUrl) : '';

    /** A fixture as a new event: new ids where the event carries its own, so it records anew. */
    function freshBody(rng: Rng): { body: Record<string, unknown>; sub: FakeSubscription } {
      const fixture = copyJson(rng.pick(notifications).body);
      const sub = subscriptionFor(fixture.subscription.type);
      const event = fixture.event;
      if (typeof event['message_id'] === 'string') event['message_id'] = rng.uuid();
      if (typeof event['id'] === 'string') event['id'] = rng.uuid();
      const subscription = {
        id: sub.id,
        status: sub.status,
        type: sub.type,
        version: sub.version,
        condition: sub.condition,
        transport: {
          method: 'webhook',
          callback: sub.transport.method === 'webhook' ? sub.transport.callback : '',
        },
        created_at: sub.createdAt,
        cost: 0,
      };
      // A copy: mutations change the body in place, never the fake's own subscription.
      return { body: { subscription: copyJson(subscription), event }, sub };
    }

    function post(sent: Sent, headers: Record<string, string | undefined> = {}) {
      const all: Record<string, string | undefined> = {
        'Content-Type': 'application/json',
        'Twitch-Eventsub-Message-Id': sent.messageId,
        'Twitch-Eventsub-Message-Retry': '0',
        'Twitch-Eventsub-Message-Type': 'notification',
        'Twitch-Eventsub-Message-Signature': sent.signature,
        'Twitch-Eventsub-Message-Timestamp': sent.timestamp,
        'Twitch-Eventsub-Subscription-Type': sent.type,
        'Twitch-Eventsub-Subscription-Version': sent.version,
        ...headers,
      };
      const defined = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      return answer(fetch(sent.url, { method: 'POST', headers: defined, body: sent.rawBody }));
    }

    function signed(sub: FakeSubscription, rawBody: string, rng: Rng, at = Date.now()): Sent {
      const messageId = rng.uuid();
      const timestamp = twitchTimestamp(at, rng);
      return {
        url: urlOf(sub),
        messageId,
        rawBody,
        timestamp,
        signature: signEventSubMessage(secretOf(sub), messageId, timestamp, rawBody),
        type: sub.type,
        version: sub.version,
      };
    }

    function twitchCase(index: number, valid: Sent[]): FuzzCase {
      const { rng, name } = fuzzCaseStart('twitch', index);
      const { body, sub } = freshBody(rng);
      const choice = plan(rng);
      if (choice === 'valid' || (choice === 'replay' && valid.length === 0)) {
        const sent = signed(sub, JSON.stringify(body), rng);
        return validCase(name(`valid ${sub.type}`), sent, valid, post);
      }
      if (choice === 'replay') {
        const original = rng.pick(valid);
        const resign = rng.next() < 0.5;
        return {
          name: name(`replay of ${original.messageId}${resign ? ' signed again now' : ''}`),
          expect: 'replay',
          send: () => {
            if (!resign) return post(original);
            const timestamp = twitchTimestamp(Date.now(), rng);
            const signature = signEventSubMessage(
              secretOf(sub),
              original.messageId,
              timestamp,
              original.rawBody,
            );
            return post({ ...original, timestamp, signature });
          },
        };
      }
      if (choice === 'body') {
        const mutation = rng.pick(BODY_MUTATIONS);
        const sent = signed(sub, mutation.apply(body, rng), rng);
        return {
          name: name(`signed body: ${mutation.name}`),
          expect: mutation.verdict,
          send: () => post(sent),
        };
      }
      const sent = signed(sub, JSON.stringify(body), rng);
      if (choice === 'header') {
        const oddities: [string, Record<string, string | undefined>][] = [
          ['Content-Type text/plain', { 'Content-Type': 'text/plain' }],
          ['Content-Type form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
          ['Content-Type missing', { 'Content-Type': undefined }],
          ['retry header garbage', { 'Twitch-Eventsub-Message-Retry': 'many' }],
          ['subscription type header wrong', { 'Twitch-Eventsub-Subscription-Type': 'channel.ban' }],
          ['subscription version header missing', { 'Twitch-Eventsub-Subscription-Version': undefined }],
        ];
        const [what, headers] = rng.pick(oddities);
        return { name: name(`signed, ${what}`), expect: 'any', send: () => post(sent, headers) };
      }
      const forgeries: Forgery[] = [
        ['flipped signature byte', () => post({ ...sent, signature: flipHexChar(sent.signature, rng) })],
        [
          'signed with the wrong secret',
          () =>
            post({
              ...sent,
              signature: signEventSubMessage(
                'not-the-secret-but-long-enough',
                sent.messageId,
                sent.timestamp,
                sent.rawBody,
              ),
            }),
        ],
        ['signature missing', () => post(sent, { 'Twitch-Eventsub-Message-Signature': undefined })],
        ['message id missing', () => post(sent, { 'Twitch-Eventsub-Message-Id': undefined })],
        ['timestamp missing', () => post(sent, { 'Twitch-Eventsub-Message-Timestamp': undefined })],
        [
          'forged callback verification (challenge)',
          () =>
            post(
              {
                ...sent,
                rawBody: JSON.stringify({ challenge: 'pwned', subscription: body['subscription'] }),
                signature: flipHexChar(sent.signature, rng),
              },
              { 'Twitch-Eventsub-Message-Type': 'webhook_callback_verification' },
            ),
        ],
        [
          'forged revocation',
          () =>
            post(
              { ...sent, signature: flipHexChar(sent.signature, rng) },
              { 'Twitch-Eventsub-Message-Type': 'revocation' },
            ),
        ],
        ['message type missing', () => post(sent, { 'Twitch-Eventsub-Message-Type': undefined })],
        ['signature empty', () => post(sent, { 'Twitch-Eventsub-Message-Signature': '' })],
        ['signature without sha256=', () => post({ ...sent, signature: sent.signature.slice(7) })],
        ['signature as sha1=', () => post({ ...sent, signature: `sha1=${sent.signature.slice(7, 47)}` })],
        [
          'stale timestamp (> 10 min), signed',
          () => post(signed(sub, sent.rawBody, rng, Date.now() - 601_000 - rng.int(30 * 86_400_000))),
        ],
        [
          'future timestamp, signed',
          () => post(signed(sub, sent.rawBody, rng, Date.now() + 120_000 + rng.int(365 * 86_400_000))),
        ],
        [
          'timestamp not a time, signed',
          () => {
            const timestamp = rng.pick(['yesterday', '', '0', '2026-13-45T99:99:99Z', '\u00ff\u00fe']);
            return post({
              ...sent,
              timestamp,
              signature: signEventSubMessage(secretOf(sub), sent.messageId, timestamp, sent.rawBody),
            });
          },
        ],
        [
          'body changed under a valid signature',
          () => post({ ...sent, rawBody: sent.rawBody.replace(/"event":\{/, '"event":{"forged":true,') }),
        ],
        [
          'replayed id with a tampered body',
          () => {
            const original = valid.length ? rng.pick(valid) : sent;
            return post({ ...original, rawBody: `${original.rawBody.slice(0, -1)},"x":1}` });
          },
        ],
        [
          'unknown subscription in the path',
          () =>
            post({
              ...sent,
              url: sent.url.replace(/[^/]+$/, rng.uuid()),
              signature: flipHexChar(sent.signature, rng),
            }),
        ],
        [
          'old timestamp under an old signature',
          () => post({ ...sent, timestamp: twitchTimestamp(Date.now() - 700_000, rng) }),
        ],
      ];
      return forgedCase(rng, name, forgeries);
    }

    // Found by the fuzzer (seed 7): signed bodies that are JSON but not an object answered 500.
    it.each(['null', '[]', '42', '"a string"', 'true'])(
      'refuses a signed body %s with a 400',
      async (rawBody) => {
        const rng = new Rng(SEED + 11);
        const { sub } = freshBody(rng);
        const before = await h.count(CHAT_EVENTS)();
        const response = await post(signed(sub, rawBody, rng));
        expect(response.status).toBe(400);
        expect(await h.count(CHAT_EVENTS)()).toBe(before);
      },
    );

    // Found by the fuzzer (seed 7): a NUL character in a signed chat message answered 500 (PostgreSQL
    // text cannot hold U+0000). It is recorded without the NUL instead.
    it('records a signed chat message holding U+0000 and a lone surrogate, storably', async () => {
      const rng = new Rng(SEED + 12);
      const fixture = copyJson(
        notifications.find((n) => n.body.subscription.type === 'channel.chat.message')!.body,
      );
      const sub = subscriptionFor('channel.chat.message');
      const messageId = rng.uuid();
      const message = fixture.event['message'] as { text: string; fragments: { text: string }[] };
      message.text = 'nul\u0000here\ud800';
      message.fragments = [{ ...message.fragments[0]!, text: 'nul\u0000here\ud800' }];
      fixture.event['message_id'] = messageId;
      fixture.event['chatter_user_name'] = 'Pixel\u0000Moth';
      const { body } = freshBody(rng);
      const response = await post(signed(sub, JSON.stringify({ ...body, event: fixture.event }), rng));
      expect(response.status).toBe(202);
      const rows = await h.db.query<{ text: string }>(
        "select payload->>'text' as text from chat_events where external_id = $1",
        [`message:${messageId}`],
      );
      expect(rows).toEqual([{ text: 'nulhere\ufffd' }]);
    });

    it(
      `survives ${COUNT} mutated deliveries: no 5xx, no forgery, each valid id recorded once`,
      async () => {
        const events = h.count(CHAT_EVENTS);
        const { outcomes, before } = await fuzzWebhook(twitchCase, events);
        // Every row comes from an accepted delivery, one each; replays and refusals added none.
        const recordedAll = outcomes.reduce((sum, o) => sum + o.recorded, 0);
        expect((await events()) - before).toBe(recordedAll);
        expect(outcomes.filter((o) => o.expect === 'replay').every((o) => o.recorded === 0)).toBe(true);

        // Still answers a valid delivery at the end.
        const rng = new Rng(SEED);
        const { body, sub } = freshBody(rng);
        const last = await post(signed(sub, JSON.stringify(body), rng));
        expect(last.status).toBe(202);
        expect((await events()) - before).toBe(recordedAll + 1);
      },
      TIMEOUT,
    );
  });
});
