import { randomBytes } from 'node:crypto';
import type { ChatLogDto } from '@podium/contracts';
import { FakeTwitch } from '@podium/fakes';
import { newOwner } from './support/factories';
import { HttpClient } from './support/http-client';
import { clearRedisPrefix, newRedisPrefix, startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import {
  BROADCASTER,
  connectThroughOAuth,
  twitchConnection,
  twitchEnv,
  twitchFixture,
} from './support/twitch-connect';

const PUBLIC_URL = 'https://podium.example.test';

/**
 * Two replicas behind one public address: Twitch calls back whichever the load balancer picks,
 * including for subscriptions the other one created after both started.
 */
describe('Twitch EventSub webhooks across two replicas (PostgreSQL, Redis)', () => {
  let fake: FakeTwitch;
  let db: TestDatabase;
  let prefix: string;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    fake = await FakeTwitch.start({ users: [BROADCASTER] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(fake.port);
    db = await TestDatabase.create();
    prefix = newRedisPrefix();
    // Replicas share their keys; the EventSub secret is generated once and kept in the database.
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
    // The load balancer sends every Twitch call back to the replica that did not subscribe.
    fake.routeCallbacks(PUBLIC_URL, () => b.baseUrl);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await fake?.close();
    delete process.env['TWURPLE_MOCK_API_PORT'];
    await db?.drop();
    await clearRedisPrefix(prefix);
  });

  it('verifies, receives and records on the replica that did not create the subscriptions', async () => {
    const owner = await newOwner(a.baseUrl);
    fake.signInAs(BROADCASTER.id);
    const { landedOn } = await connectThroughOAuth(a, owner.client, owner.workspaceId);
    expect(landedOn).toBe(`/w/${owner.workspaceId}/connections?connected=twitch`);
    expect(fake.subscriptions).toHaveLength(10);
    expect(fake.subscriptions.every((s) => s.status === 'enabled')).toBe(true);
    const connection = await twitchConnection(owner.client, owner.workspaceId);
    expect(connection.subscriptions.every((s) => s.status === 'enabled')).toBe(true);

    const chat = twitchFixture('notification.channel.chat.message.plain').body.event;
    const [delivery] = await fake.deliver('channel.chat.message', chat);
    expect(delivery!.transport === 'webhook' && delivery!.url.startsWith(b.baseUrl)).toBe(true);
    expect(delivery!.transport === 'webhook' && delivery!.status).toBe(204);
    const again = await fake.redeliver(delivery!);
    expect(again.transport === 'webhook' && again.status).toBe(204);

    const onB = new HttpClient(b.baseUrl);
    onB.cookie = owner.client.cookie;
    const log = await onB.get<ChatLogDto>(`/api/workspaces/${owner.workspaceId}/chat/events`);
    expect(log.body.events).toHaveLength(1);
    expect(log.body.events[0]).toMatchObject({
      kind: 'message',
      externalId: `message:${chat['message_id'] as string}`,
    });

    const revoked = fake.subscriptions.find((s) => s.type === 'channel.cheer')!;
    await fake.revoke(revoked.id, 'user_removed');
    const after = await twitchConnection(owner.client, owner.workspaceId);
    expect(after.status).toBe('needs_attention');
    expect(after.subscriptions).toContainEqual({ type: 'channel.cheer', status: 'user_removed' });
    expect(after.subscriptions.filter((s) => s.status === 'enabled')).toHaveLength(9);
  });
});
