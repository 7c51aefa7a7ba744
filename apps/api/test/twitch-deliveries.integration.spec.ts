import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatEvent, ChatLogDto } from '@podium/contracts';
import { eventSubTimestamp, FakeTwitch } from '@podium/fakes';
import { newOwner } from './support/factories';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import {
  BOT,
  BROADCASTER,
  RAIDER,
  connectThroughOAuth,
  twitchEnv,
  twitchFixture,
} from './support/twitch-connect';

const PUBLIC_URL = 'https://podium.example.test';

/** Every fixture, delivered as Twitch would, and what Podium must make of it. */
const EXPECTED: [fixture: string, expected: Partial<ChatEvent> & Record<string, unknown>][] = [
  [
    'notification.channel.chat.message.plain',
    {
      kind: 'message',
      externalId: 'message:66848452-5bf4-5349-835e-8894a947f277',
      text: 'good evening everyone, the new overlay looks great',
      viewer: {
        platform: 'twitch',
        platformUserId: '581204977',
        login: 'pixelmoth',
        displayName: 'PixelMoth',
        roles: ['subscriber'],
      },
    },
  ],
  [
    'notification.channel.chat.message.fragments',
    {
      kind: 'message',
      amounts: { bits: 50 },
      viewer: expect.objectContaining({ roles: ['moderator', 'vip', 'subscriber'] }),
      fragments: expect.arrayContaining([
        expect.objectContaining({ type: 'cheermote', bits: 50 }),
        expect.objectContaining({ type: 'mention', login: 'pixelmoth' }),
        expect.objectContaining({ type: 'emote', text: 'lumenfHype' }),
      ]),
    },
  ],
  [
    'notification.channel.follow.v2',
    { kind: 'follow', viewer: expect.objectContaining({ displayName: 'QuietFern' }) },
  ],
  ['notification.channel.subscribe', { kind: 'subscription', amounts: { tier: '1000' } }],
  ['notification.channel.subscription.gift', { kind: 'gift', amounts: { giftCount: 5, tier: '1000' } }],
  [
    'notification.channel.subscription.gift.anonymous',
    { kind: 'gift', amounts: { giftCount: 1, tier: '2000' }, detail: { anonymous: true } },
  ],
  [
    'notification.channel.subscription.message',
    { kind: 'subscription', amounts: { tier: '1000', months: 7 } },
  ],
  [
    'notification.channel.cheer',
    { kind: 'cheer', amounts: { bits: 100 }, text: 'Cheer100 take my bits lumenfHype' },
  ],
  [
    'notification.channel.raid',
    {
      kind: 'raid',
      amounts: { raidViewers: 87 },
      viewer: expect.objectContaining({ platformUserId: RAIDER.id }),
    },
  ],
  ['notification.stream.online', { kind: 'stream_online', externalId: 'stream:51834276919:online' }],
  ['notification.stream.offline', { kind: 'stream_offline' }],
  [
    'notification.channel.channel_points_custom_reward_redemption.add',
    {
      kind: 'redemption',
      externalId: 'redemption:17fa2df1-ad76-4804-bfa5-a40ef63efe63',
      amounts: { points: 500 },
    },
  ],
];

/** What Twitch delivers to a connected channel's webhook, and what Podium records of it. */
describe('Twitch EventSub webhook deliveries (PostgreSQL)', () => {
  let fake: FakeTwitch;
  let db: TestDatabase;
  let app: TestApp;
  let owner: { client: HttpClient; workspaceId: string };
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-twitch-it-'));

  const events = async () =>
    (await owner.client.get<ChatLogDto>(`/api/workspaces/${owner.workspaceId}/chat/events?limit=200`)).body
      .events;
  const eventCount = async () =>
    Number((await db.query<{ n: string }>('select count(*) as n from chat_events'))[0]!.n);

  beforeAll(async () => {
    fake = await FakeTwitch.start({ users: [BROADCASTER, BOT, RAIDER] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(fake.port);
    fake.routeCallbacks(PUBLIC_URL, () => app.baseUrl);
    db = await TestDatabase.create();
    app = await startTestApp({ databaseUrl: db.url, dataDir, env: { PUBLIC_URL, ...twitchEnv(fake) } });
    const signedUp = await newOwner(app.baseUrl);
    owner = { client: signedUp.client, workspaceId: signedUp.workspaceId };
    fake.signInAs(BROADCASTER.id);
    const { landedOn } = await connectThroughOAuth(app, owner.client, owner.workspaceId);
    expect(landedOn).toBe(`/w/${owner.workspaceId}/connections?connected=twitch`);
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    delete process.env['TWURPLE_MOCK_API_PORT'];
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records every event type posted signed, normalized', async () => {
    for (const [name] of EXPECTED) {
      const fixture = twitchFixture(name);
      const deliveries = await fake.deliver(fixture.body.subscription.type, fixture.body.event);
      expect(deliveries.map((d) => d.transport === 'webhook' && d.status)).toEqual([202]);
    }
    const log = await events();
    expect(log).toHaveLength(EXPECTED.length);
    for (const [name, expected] of EXPECTED) {
      const type = twitchFixture(name).body.subscription.type;
      const match = log.find((event) =>
        Object.entries(expected).every(([key, value]) =>
          expect.objectContaining({ [key]: value }).asymmetricMatch(event),
        ),
      );
      if (!match) throw new Error(`${name} (${type}) was not recorded as ${JSON.stringify(expected)}`);
      expect(match).toMatchObject({ platform: 'twitch', workspaceId: owner.workspaceId });
    }
  });

  it('records a redelivered notification once', async () => {
    const before = await eventCount();
    const follow = twitchFixture('notification.channel.follow.v2');
    const [first] = await fake.deliver('channel.follow', {
      ...follow.body.event,
      user_id: '1357911',
      user_login: 'echofox',
      user_name: 'EchoFox',
    });
    const again = await fake.redeliver(first!);
    expect([
      first!.transport === 'webhook' && first!.status,
      again.transport === 'webhook' && again.status,
    ]).toEqual([202, 202]);
    expect(again.messageId).toBe(first!.messageId);
    expect(await eventCount()).toBe(before + 1);
    expect(
      await db.query('select id from chat_events where external_id = $1', [`eventsub:${first!.messageId}`]),
    ).toHaveLength(1);
  });

  it('refuses forged, stale, malformed and huge deliveries with a 4xx and stores nothing', async () => {
    const before = await eventCount();
    const chat = twitchFixture('notification.channel.chat.message.plain').body.event;
    const fresh = (id: string) => ({ ...chat, message_id: id });
    const [forged] = await fake.deliver(
      'channel.chat.message',
      fresh('c0ffee00-0000-4000-8000-000000000001'),
      {
        signature: `sha256=${'0'.repeat(64)}`,
      },
    );
    const [stale] = await fake.deliver(
      'channel.chat.message',
      fresh('c0ffee00-0000-4000-8000-000000000002'),
      {
        timestamp: eventSubTimestamp(new Date(Date.now() - 11 * 60 * 1000)),
      },
    );
    const [malformed] = await fake.deliver('channel.chat.message', chat, {
      rawBody: '{"subscription": {"id": ',
    });
    const [wrongShape] = await fake.deliver('channel.chat.message', {
      ...fresh('c0ffee00-0000-4000-8000-000000000003'),
      chatter_user_id: 42,
    });
    const [huge] = await fake.deliver('channel.chat.message', {
      ...fresh('c0ffee00-0000-4000-8000-000000000004'),
      padding: 'x'.repeat(300 * 1024),
    });
    const statuses = [forged, stale, malformed, wrongShape, huge].map((d) =>
      d!.transport === 'webhook' ? d!.status : 0,
    );
    expect(statuses).toEqual([410, 403, 400, 400, 413]);
    const unsigned = await fetch(`${app.baseUrl}/api/integrations/twitch/eventsub/anything/event/x`, {
      method: 'POST',
      body: '{}',
    });
    expect(unsigned.status).toBe(403);
    expect(await eventCount()).toBe(before);
  });
});
