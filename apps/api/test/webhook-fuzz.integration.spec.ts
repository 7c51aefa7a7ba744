import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionDto, KofiSettingsDto } from '@podium/contracts';
import {
  FakeOwncast,
  FakeTwitch,
  type FakeSubscription,
  kofiFormBody,
  owncastSignatureHeader,
  signEventSubMessage,
} from '@podium/fakes';
import { newOwner } from './support/factories';
import { BODY_MUTATIONS, copyJson, flipHexChar, fuzzSettings, Rng } from './support/fuzz-mutations';
import { answer, type FuzzCase, runFuzz, summary } from './support/fuzz-runner';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import { BOT, BROADCASTER, RAIDER, connectThroughOAuth, twitchEnv } from './support/twitch-connect';

/**
 * Inbound webhook fuzzing: hundreds of mutated deliveries per webhook, built deterministically from
 * the recorded fixtures (PODIUM_FUZZ_SEED, PODIUM_FUZZ_COUNT per webhook; 300 in CI). The rules:
 * zero 5xx, zero forgeries accepted, a 4xx never records anything, a valid delivery records exactly
 * once however often it is replayed, and the webhook still takes a valid delivery at the end.
 */
const { seed: SEED, count: COUNT } = fuzzSettings(300);
const PUBLIC_URL = 'https://podium.example.test';
const FIXTURES = join(__dirname, 'fixtures');
const OWNCAST_TOKEN = 'Xq9_fixture-owncast-access-token-5uQ2n0sV8kYtRz3wLbM1=';
const OWNCAST_SECRET = 'whsec-owncast-fixture-3Kd8Qm';
const KOFI_TOKEN = '6d1f7c2a-3b9e-4f05-8a41-c2e7d9b0f318';
/** Generous: a few ms per case in CI, thousands with PODIUM_FUZZ_COUNT. */
const TIMEOUT = 60_000 + COUNT * 200;

const readJson = <T>(...path: string[]): T => JSON.parse(readFileSync(join(FIXTURES, ...path), 'utf8')) as T;
const caseRng = (webhook: number, index: number) => new Rng(SEED * 7919 + webhook * 1_000_003 + index);
const secondsNow = () => Math.floor(Date.now() / 1000);

/** Weighted choice of what a case does: a quarter valid or replays, a third forgeries, the rest odd bodies. */
function plan(rng: Rng): 'valid' | 'replay' | 'forgery' | 'body' | 'header' {
  const roll = rng.next();
  if (roll < 0.15) return 'valid';
  if (roll < 0.25) return 'replay';
  if (roll < 0.55) return 'forgery';
  if (roll < 0.9) return 'body';
  return 'header';
}

/** An RFC 3339 timestamp with nanoseconds, as Twitch writes them. */
function twitchTimestamp(at: number, rng: Rng): string {
  return new Date(at).toISOString().replace('Z', `${String(rng.int(1e6)).padStart(6, '0')}Z`);
}

describe('Inbound webhook fuzzing (PostgreSQL)', () => {
  let fake: FakeTwitch;
  let db: TestDatabase;
  let app: TestApp;
  let owner: { client: HttpClient; workspaceId: string };
  const owncasts: FakeOwncast[] = [];

  const count = (sql: string) => async () => Number((await db.query<{ n: string }>(sql))[0]!.n);

  beforeAll(async () => {
    fake = await FakeTwitch.start({ users: [BROADCASTER, BOT, RAIDER] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(fake.port);
    fake.routeCallbacks(PUBLIC_URL, () => app.baseUrl);
    db = await TestDatabase.create();
    app = await startTestApp({ databaseUrl: db.url, env: { PUBLIC_URL, ...twitchEnv(fake) } });
    const signedUp = await newOwner(app.baseUrl);
    owner = { client: signedUp.client, workspaceId: signedUp.workspaceId };
    fake.signInAs(BROADCASTER.id);
    const { landedOn } = await connectThroughOAuth(app, owner.client, owner.workspaceId);
    expect(landedOn).toBe(`/w/${owner.workspaceId}/connections?connected=twitch`);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await Promise.all(owncasts.map((owncast) => owncast.close()));
    delete process.env['TWURPLE_MOCK_API_PORT'];
    await db?.drop();
  });

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
      const sub = fake.subscriptions.find((s) => s.type === type && s.status === 'enabled');
      if (!sub || sub.transport.method !== 'webhook')
        throw new Error(`no enabled webhook subscription for ${type}`);
      return sub;
    }
    const secretOf = (sub: FakeSubscription) =>
      sub.transport.method === 'webhook' ? sub.transport.secret : '';
    const urlOf = (sub: FakeSubscription) =>
      sub.transport.method === 'webhook' ? sub.transport.callback.replace(PUBLIC_URL, app.baseUrl) : '';

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
      const rng = caseRng(1, index);
      const name = (what: string) => `twitch#${index} ${what}`;
      const { body, sub } = freshBody(rng);
      const choice = plan(rng);
      if (choice === 'valid' || (choice === 'replay' && valid.length === 0)) {
        const sent = signed(sub, JSON.stringify(body), rng);
        return {
          name: name(`valid ${sub.type}`),
          expect: 'valid',
          send: async () => {
            const response = await post(sent);
            valid.push(sent);
            return response;
          },
        };
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
      const forgeries: [string, () => Promise<{ status: number; receipt?: string }>][] = [
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
      const [what, send] = rng.pick(forgeries);
      return { name: name(`forged: ${what}`), expect: 'forgery', send };
    }

    // Found by the fuzzer (seed 7): signed bodies that are JSON but not an object answered 500.
    it.each(['null', '[]', '42', '"a string"', 'true'])(
      'refuses a signed body %s with a 400',
      async (rawBody) => {
        const rng = new Rng(SEED + 11);
        const { sub } = freshBody(rng);
        const before = await count('select count(*) as n from chat_events')();
        const response = await post(signed(sub, rawBody, rng));
        expect(response.status).toBe(400);
        expect(await count('select count(*) as n from chat_events')()).toBe(before);
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
      const rows = await db.query<{ text: string }>(
        "select payload->>'text' as text from chat_events where external_id = $1",
        [`message:${messageId}`],
      );
      expect(rows).toEqual([{ text: 'nulhere\ufffd' }]);
    });

    it(
      `survives ${COUNT} mutated deliveries: no 5xx, no forgery, each valid id recorded once`,
      async () => {
        const valid: Sent[] = [];
        const cases = (function* () {
          for (let i = 0; i < COUNT; i += 1) yield twitchCase(i, valid);
        })();
        const events = count('select count(*) as n from chat_events');
        const before = await events();
        const { outcomes, failures } = await runFuzz(cases, events);
        expect(failures).toEqual([]);
        const totals = summary(outcomes);
        // The mix really ran: valid deliveries were taken, replays answered, forgeries refused.
        expect(totals['valid']?.accepted).toBeGreaterThan(0);
        expect(totals['replay']?.accepted).toBeGreaterThan(0);
        expect(totals['forgery']).toEqual({ accepted: 0, refused: expect.any(Number) });
        expect(totals['invalid']?.accepted ?? 0).toBe(0);
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

  describe('Owncast (t=<seconds>.s=<HMAC> over t + body, 5-minute window)', () => {
    const WEBHOOKS = join(FIXTURES, 'owncast/webhooks');
    const bodies = readdirSync(WEBHOOKS).map(
      (file) =>
        readJson<{ body: { type: string; eventData: Record<string, unknown> } }>('owncast/webhooks', file)
          .body,
    );
    let hookUrl: string;

    beforeAll(async () => {
      const owncast = await FakeOwncast.start({ accessToken: OWNCAST_TOKEN });
      owncasts.push(owncast);
      const connected = await owner.client.post<ConnectionDto>(
        `/api/workspaces/${owner.workspaceId}/connections/owncast`,
        { instanceUrl: owncast.url, accessToken: OWNCAST_TOKEN, webhookSecret: OWNCAST_SECRET },
      );
      expect(connected.status).toBe(201);
      hookUrl = `${app.baseUrl}${new URL(connected.body.webhookUrl!).pathname}`;
    });

    interface Sent {
      url: string;
      rawBody: string;
      signature?: string;
      contentType?: string;
    }
    const post = (sent: Sent) =>
      answer(
        fetch(sent.url, {
          method: 'POST',
          headers: {
            ...(sent.contentType === undefined
              ? { 'content-type': 'application/json' }
              : { 'content-type': sent.contentType }),
            ...(sent.signature === undefined ? {} : { 'owncast-signature': sent.signature }),
          },
          body: sent.rawBody,
        }),
      );
    const sign = (rawBody: string, at = secondsNow(), secret = OWNCAST_SECRET) =>
      owncastSignatureHeader(secret, at, rawBody);

    function freshBody(rng: Rng): Record<string, unknown> {
      const body = copyJson(rng.pick(bodies));
      body.eventData['id'] = rng.uuid();
      return body;
    }

    function owncastCase(index: number, valid: Sent[]): FuzzCase {
      const rng = caseRng(2, index);
      const name = (what: string) => `owncast#${index} ${what}`;
      const body = freshBody(rng);
      const choice = plan(rng);
      if (choice === 'valid' || (choice === 'replay' && valid.length === 0)) {
        const rawBody = JSON.stringify(body);
        const sent = { url: hookUrl, rawBody, signature: sign(rawBody) };
        return {
          name: name(`valid ${String(body['type'])}`),
          expect: 'valid',
          send: async () => {
            const response = await post(sent);
            valid.push(sent);
            return response;
          },
        };
      }
      if (choice === 'replay') {
        const original = rng.pick(valid);
        const resign = rng.next() < 0.5;
        return {
          name: name(`replay${resign ? ' signed again now' : ''}`),
          expect: 'replay',
          send: () => post(resign ? { ...original, signature: sign(original.rawBody) } : original),
        };
      }
      if (choice === 'body') {
        const mutation = rng.pick(BODY_MUTATIONS);
        const rawBody = mutation.apply(body, rng);
        return {
          name: name(`signed body: ${mutation.name}`),
          expect: mutation.verdict,
          send: () => post({ url: hookUrl, rawBody, signature: sign(rawBody) }),
        };
      }
      const rawBody = JSON.stringify(body);
      const sent: Sent = { url: hookUrl, rawBody, signature: sign(rawBody) };
      if (choice === 'header') {
        const [what, contentType, expect] = rng.pick([
          ['Content-Type text/plain', 'text/plain', 'invalid'],
          ['Content-Type form', 'application/x-www-form-urlencoded', 'invalid'],
          ['Content-Type with charset', 'application/json; charset=utf-8', 'any'],
          ['Content-Type vendor json', 'application/vnd.owncast+json', 'any'],
        ] as const);
        return { name: name(`signed, ${what}`), expect, send: () => post({ ...sent, contentType }) };
      }
      const at = secondsNow();
      const forgeries: [string, () => Promise<{ status: number; receipt?: string }>][] = [
        ['flipped signature byte', () => post({ ...sent, signature: flipHexChar(sent.signature!, rng) })],
        [
          'signed with the wrong secret',
          () => post({ ...sent, signature: sign(rawBody, at, 'whsec-not-it') }),
        ],
        ['signature missing', () => post({ ...sent, signature: undefined })],
        ['signature empty', () => post({ ...sent, signature: '' })],
        [
          'signature malformed',
          () =>
            post({
              ...sent,
              signature: rng.pick([
                'garbage',
                `s=${sent.signature!.split('.s=')[1]}`,
                `t=abc.s=${sent.signature!.split('.s=')[1]}`,
                `t=${at}.s=zz`,
                `t=${at}.s=`,
                `t=${at}`,
                `t=${at}.s=${'0'.repeat(64)}`,
                `t=-1.s=${'f'.repeat(64)}`,
                `t=${'9'.repeat(400)}.s=${'a'.repeat(64)}`,
              ]),
            }),
        ],
        [
          'stale timestamp (> 5 min), signed',
          () => post({ ...sent, signature: sign(rawBody, at - 301 - rng.int(30 * 86_400)) }),
        ],
        [
          'future timestamp (> 5 min), signed',
          () => post({ ...sent, signature: sign(rawBody, at + 301 + rng.int(365 * 86_400)) }),
        ],
        [
          'body changed under a valid signature',
          () => post({ ...sent, rawBody: rawBody.replace('"eventData":{', '"eventData":{"forged":true,') }),
        ],
        [
          'replayed signature with a tampered body',
          () => {
            const original = valid.length ? rng.pick(valid) : sent;
            return post({ ...original, rawBody: `${original.rawBody.slice(0, -1)},"x":1}` });
          },
        ],
        [
          'unknown webhook key',
          () =>
            post({ ...sent, url: `${app.baseUrl}/api/integrations/owncast/${rng.uuid().replace(/-/g, '')}` }),
        ],
        [
          'key not a key',
          () =>
            post({
              ...sent,
              url: `${app.baseUrl}/api/integrations/owncast/${encodeURIComponent("'; select 1; --")}`,
            }),
        ],
      ];
      const [what, send] = rng.pick(forgeries);
      return { name: name(`forged: ${what}`), expect: 'forgery', send };
    }

    // Found by the fuzzer (seed 7): a NUL character in a signed Owncast chat answered 500.
    it('records a signed chat line holding U+0000 and a lone surrogate, storably', async () => {
      const body = copyJson(bodies.find((b) => b.type === 'CHAT')!);
      const id = new Rng(SEED + 21).uuid();
      body.eventData['id'] = id;
      body.eventData['body'] = 'nul\u0000here\ud800';
      body.eventData['rawBody'] = 'nul\u0000here\ud800';
      (body.eventData['user'] as Record<string, unknown>)['displayName'] = 'Pixel\u0000Moth';
      const rawBody = JSON.stringify(body);
      const response = await post({ url: hookUrl, rawBody, signature: sign(rawBody) });
      expect(response).toEqual({ status: 200, receipt: 'recorded' });
      const rows = await db.query<{ text: string }>(
        "select payload->>'text' as text from chat_events where platform = 'owncast' and external_id like $1",
        [`%${id}%`],
      );
      expect(rows).toEqual([{ text: 'nulhere\ufffd' }]);
    });

    it(
      `survives ${COUNT} mutated deliveries: no 5xx, no forgery, each valid id recorded once`,
      async () => {
        const valid: Sent[] = [];
        const cases = (function* () {
          for (let i = 0; i < COUNT; i += 1) yield owncastCase(i, valid);
        })();
        const before = await count('select count(*) as n from chat_events')();
        const { outcomes, failures } = await runFuzz(cases, count('select count(*) as n from chat_events'));
        expect(failures).toEqual([]);
        const totals = summary(outcomes);
        expect(totals['valid']?.accepted).toBeGreaterThan(0);
        expect(totals['replay']?.accepted).toBeGreaterThan(0);
        expect(totals['forgery']).toEqual({ accepted: 0, refused: expect.any(Number) });
        expect(totals['invalid']?.accepted ?? 0).toBe(0);
        const recordedValid = outcomes.filter((o) => o.expect === 'valid' && o.receipt === 'recorded').length;
        const recordedOther = outcomes
          .filter((o) => o.expect !== 'valid')
          .reduce((sum, o) => sum + o.recorded, 0);
        expect((await count('select count(*) as n from chat_events')()) - before).toBe(
          recordedValid + recordedOther,
        );

        const rng = new Rng(SEED + 2);
        const body = copyJson(bodies.find((b) => b.type === 'CHAT')!);
        body.eventData['id'] = rng.uuid();
        const rawBody = JSON.stringify(body);
        const last = await post({ url: hookUrl, rawBody, signature: sign(rawBody) });
        expect(last).toEqual({ status: 200, receipt: 'recorded' });
      },
      TIMEOUT,
    );
  });

  describe('Ko-fi (form field data, verification token inside)', () => {
    const recorded = ['donation', 'subscription.first'].map(
      (name) =>
        JSON.parse(readJson<{ form: { data: string } }>('kofi', `${name}.request.json`).form.data) as Record<
          string,
          unknown
        >,
    );
    let hookUrl: string;

    beforeAll(async () => {
      const settings = await owner.client.put<KofiSettingsDto>(
        `/api/workspaces/${owner.workspaceId}/kofi/settings`,
        {
          verificationToken: KOFI_TOKEN,
          pointsPerUnit: 100,
        },
      );
      expect(settings.status).toBe(200);
      hookUrl = `${app.baseUrl}${new URL(settings.body.webhookUrl).pathname}`;
    });

    interface Sent {
      url: string;
      /** The whole request body as sent. */
      form: string;
      contentType?: string;
    }
    const post = (sent: Sent) =>
      answer(
        fetch(sent.url, {
          method: 'POST',
          headers: { 'content-type': sent.contentType ?? 'application/x-www-form-urlencoded' },
          body: sent.form,
        }),
      );

    /** The verification token the server will read from this data, if any. */
    function tokenOf(data: string): unknown {
      try {
        return (JSON.parse(data) as { verification_token?: unknown } | null)?.verification_token;
      } catch {
        return undefined;
      }
    }

    function freshPayment(rng: Rng): Record<string, unknown> {
      const payment = copyJson(rng.pick(recorded));
      payment['kofi_transaction_id'] = rng.uuid();
      payment['message_id'] = rng.uuid();
      return payment;
    }

    function kofiCase(index: number, valid: Sent[]): FuzzCase {
      const rng = caseRng(3, index);
      const name = (what: string) => `kofi#${index} ${what}`;
      const payment = freshPayment(rng);
      const choice = plan(rng);
      if (choice === 'valid' || (choice === 'replay' && valid.length === 0)) {
        const sent = { url: hookUrl, form: kofiFormBody(JSON.stringify(payment)) };
        return {
          name: name(`valid ${String(payment['type'])}`),
          expect: 'valid',
          send: async () => {
            const response = await post(sent);
            valid.push(sent);
            return response;
          },
        };
      }
      if (choice === 'replay') {
        const original = rng.pick(valid);
        return { name: name('replay'), expect: 'replay', send: () => post(original) };
      }
      if (choice === 'body') {
        const mutation = rng.pick(BODY_MUTATIONS);
        const data = mutation.apply(payment, rng);
        // A mutation may hit the token itself: then it is a forgery, and may not be accepted.
        const expect = tokenOf(data) === KOFI_TOKEN ? mutation.verdict : 'forgery';
        const form = kofiFormBody(data);
        return { name: name(`data: ${mutation.name}`), expect, send: () => post({ url: hookUrl, form }) };
      }
      const data = JSON.stringify(payment);
      if (choice === 'header') {
        const [what, sent, expect] = rng.pick([
          [
            'data as JSON body',
            { url: hookUrl, form: JSON.stringify({ data }), contentType: 'application/json' },
            'any',
          ],
          ['payment as JSON body', { url: hookUrl, form: data, contentType: 'application/json' }, 'invalid'],
          [
            'form as text/plain',
            { url: hookUrl, form: kofiFormBody(data), contentType: 'text/plain' },
            'invalid',
          ],
          [
            'no data field',
            { url: hookUrl, form: new URLSearchParams({ payload: data }).toString() },
            'invalid',
          ],
          ['data twice', { url: hookUrl, form: `${kofiFormBody(data)}&${kofiFormBody('{}')}` }, 'any'],
          [
            'oversized form (1 MB+)',
            { url: hookUrl, form: `${kofiFormBody(data)}&pad=${'p'.repeat(1024 * 1024 + 1)}` },
            'invalid',
          ],
        ] as const);
        return { name: name(what), expect, send: () => post(sent) };
      }
      const withToken = (token: unknown) =>
        post({ url: hookUrl, form: kofiFormBody(JSON.stringify({ ...payment, verification_token: token })) });
      const forgeries: [string, () => Promise<{ status: number; receipt?: string }>][] = [
        ['wrong token', () => withToken(rng.uuid())],
        ['token with one character changed', () => withToken(flipHexChar(KOFI_TOKEN, rng))],
        ['token upper-cased', () => withToken(KOFI_TOKEN.toUpperCase())],
        ['token padded with spaces', () => withToken(` ${KOFI_TOKEN} `)],
        ['token prefix', () => withToken(KOFI_TOKEN.slice(0, 1 + rng.int(KOFI_TOKEN.length - 1)))],
        ['token empty', () => withToken('')],
        ['token null', () => withToken(null)],
        ['token as a number', () => withToken(6)],
        ['token as an array', () => withToken([KOFI_TOKEN])],
        [
          'token missing',
          () => {
            const { verification_token: _dropped, ...rest } = payment;
            return post({ url: hookUrl, form: kofiFormBody(JSON.stringify(rest)) });
          },
        ],
        [
          'unknown webhook key',
          () =>
            post({
              url: `${app.baseUrl}/api/integrations/kofi/${rng.uuid().replace(/-/g, '')}`,
              form: kofiFormBody(data),
            }),
        ],
      ];
      const [what, send] = rng.pick(forgeries);
      return { name: name(`forged: ${what}`), expect: 'forgery', send };
    }

    // Found by the fuzzer (seed 7): a NUL character in a Ko-fi message answered 500.
    it('records a payment whose message holds U+0000, storably', async () => {
      const payment = freshPayment(new Rng(SEED + 31));
      payment['message'] = 'for the \u0000lighthouse';
      payment['from_name'] = 'Corvid\u0000Coins';
      const response = await post({ url: hookUrl, form: kofiFormBody(JSON.stringify(payment)) });
      expect(response).toEqual({ status: 200, receipt: 'recorded' });
      const rows = await db.query('select id from kofi_payments where transaction_id = $1', [
        payment['kofi_transaction_id'],
      ]);
      expect(rows).toHaveLength(1);
    });

    it(
      `survives ${COUNT} mutated deliveries: no 5xx, no forgery, each transaction recorded once`,
      async () => {
        const valid: Sent[] = [];
        const cases = (function* () {
          for (let i = 0; i < COUNT; i += 1) yield kofiCase(i, valid);
        })();
        const payments = count('select count(*) as n from kofi_payments');
        const before = await payments();
        const { outcomes, failures } = await runFuzz(cases, payments);
        expect(failures).toEqual([]);
        const totals = summary(outcomes);
        expect(totals['valid']?.accepted).toBeGreaterThan(0);
        expect(totals['replay']?.accepted).toBeGreaterThan(0);
        expect(totals['forgery']).toEqual({ accepted: 0, refused: expect.any(Number) });
        expect(totals['invalid']?.accepted ?? 0).toBe(0);
        const recordedAll = outcomes.reduce((sum, o) => sum + o.recorded, 0);
        expect((await payments()) - before).toBe(recordedAll);
        expect(outcomes.filter((o) => o.expect === 'valid').every((o) => o.recorded === 1)).toBe(true);

        const last = await post({
          url: hookUrl,
          form: kofiFormBody(JSON.stringify(freshPayment(new Rng(SEED + 3)))),
        });
        expect(last).toEqual({ status: 200, receipt: 'recorded' });
      },
      TIMEOUT,
    );
  });
});
