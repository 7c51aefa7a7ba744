import { randomBytes, randomUUID } from 'node:crypto';
import type { BotCommandDto } from '@podium/contracts';
import { FakeTwitch, type FakeTwitchUser } from '@podium/fakes';
import { newOwner } from './support/factories';
import { sleep, until } from './support/live-harness';
import { clearRedisPrefix, newRedisPrefix, startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import { BROADCASTER, connectThroughOAuth, twitchEnv, twitchFixture } from './support/twitch-connect';

const PUBLIC_URL = 'https://podium.example.test';
const VIEWERS: FakeTwitchUser[] = Array.from({ length: 12 }, (_, i) => ({
  id: String(600_000_000 + i),
  login: `viewer${i}`,
  displayName: `Viewer${i}`,
}));
const twitchChat = twitchFixture('notification.channel.chat.message.plain').body.event;

/**
 * Two api replicas behind one public address: Twitch's webhook deliveries alternate between them,
 * and a command is still answered once per event and once per cooldown window.
 */
describe('Commands across two replicas (PostgreSQL, Redis)', () => {
  let fake: FakeTwitch;
  let db: TestDatabase;
  let prefix: string;
  let a: TestApp;
  let b: TestApp;
  let owner: Awaited<ReturnType<typeof newOwner>>;
  let turn = 0;

  beforeAll(async () => {
    fake = await FakeTwitch.start({ users: [BROADCASTER, ...VIEWERS] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(fake.port);
    db = await TestDatabase.create();
    prefix = newRedisPrefix();
    const env = {
      PUBLIC_URL,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ...twitchEnv(fake),
    };
    [a, b] = await Promise.all([
      startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env }),
      startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env }),
    ]);
    // The load balancer takes turns.
    fake.routeCallbacks(PUBLIC_URL, () => ((turn += 1) % 2 === 0 ? a.baseUrl : b.baseUrl));
    owner = await newOwner(a.baseUrl);
    fake.signInAs(BROADCASTER.id);
    await connectThroughOAuth(a, owner.client, owner.workspaceId);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await fake?.close();
    delete process.env['TWURPLE_MOCK_API_PORT'];
    await db?.drop();
    await clearRedisPrefix(prefix);
  });

  const say = (user: FakeTwitchUser, text: string) =>
    fake.deliver('channel.chat.message', {
      ...twitchChat,
      message_id: randomUUID(),
      chatter_user_id: user.id,
      chatter_user_login: user.login,
      chatter_user_name: user.displayName,
      badges: [],
      message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] },
    });
  const queued = async (startsWith: string) =>
    (
      await db.query<{ text: string }>(`select text from chat_outbox where workspace_id = $1 order by seq`, [
        owner.workspaceId,
      ])
    )
      .map((row) => row.text)
      .filter((text) => text.startsWith(startsWith));

  it('answers a burst hitting both replicas once per global cooldown, and sends it to Twitch once', async () => {
    const created = await owner.client.post<BotCommandDto>(
      `/api/workspaces/${owner.workspaceId}/bots/commands`,
      {
        name: 'raffle',
        responses: ['Raffle entry for {user} (#{count})'],
        globalCooldownSeconds: 120,
      },
    );
    expect(created.status).toBe(201);

    const deliveries = (await Promise.all(VIEWERS.map((viewer) => say(viewer, '!raffle')))).flat();
    const hosts = new Set(deliveries.map((d) => (d.transport === 'webhook' ? new URL(d.url).port : '')));
    expect(hosts.size).toBe(2);
    expect(deliveries.every((d) => d.transport === 'webhook' && d.status >= 200 && d.status < 300)).toBe(
      true,
    );

    await until('the raffle reply', async () => (await queued('Raffle entry')).length > 0, 10_000);
    await until('the reply at Twitch', () =>
      fake.chatMessages.some((m) => m.message.startsWith('Raffle entry')),
    );
    await sleep(500);
    expect(await queued('Raffle entry')).toHaveLength(1);
    expect(fake.chatMessages.filter((m) => m.message.startsWith('Raffle entry'))).toHaveLength(1);
    const [stored] = await db.query<{ use_count: number }>(
      `select use_count from bot_commands where id = $1`,
      [created.body.id],
    );
    expect(stored?.use_count).toBe(1);
  });

  it('answers one event delivered to both replicas at once a single time', async () => {
    await owner.client.post(`/api/workspaces/${owner.workspaceId}/bots/commands`, {
      name: 'hello',
      responses: ['Hello {user}'],
    });
    const [delivery] = await say(VIEWERS[0]!, '!hello');
    // Twitch retries the same message; the balancer sends the copies to both replicas together.
    await Promise.all([fake.redeliver(delivery!), fake.redeliver(delivery!)]);
    await until('the hello reply', async () => (await queued('Hello ')).length > 0, 10_000);
    await sleep(500);
    expect(await queued('Hello ')).toEqual(['Hello Viewer0']);
  });
});
