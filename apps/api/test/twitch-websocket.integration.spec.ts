import type { ApiErrorDto, ChatLogDto, ConnectionDto, OAuthStartDto, WorkspaceDto } from '@podium/contracts';
import type { FakeTwitchUser } from '@podium/fakes';
import { FakeTwitch } from '@podium/fakes';
import { newOwner } from './support/factories';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import {
  BOT,
  BROADCASTER,
  connectThroughOAuth,
  twitchConnection,
  twitchEnv,
  twitchFixture,
} from './support/twitch-connect';

const SECOND_CHANNEL: FakeTwitchUser = { id: '22233344', login: 'emberline', displayName: 'Emberline' };
const MODERATOR_BOT: FakeTwitchUser = { id: '77788899', login: 'embermod', displayName: 'EmberMod' };

/** Without an https PUBLIC_URL (a local install) events come over EventSub's WebSocket. */
describe('Twitch over the EventSub WebSocket, and its outbox (PostgreSQL)', () => {
  let fake: FakeTwitch;
  let db: TestDatabase;
  let app: TestApp;
  let owner: { client: HttpClient; workspaceId: string };

  const eventsOf = async (workspaceId: string) =>
    (await owner.client.get<ChatLogDto>(`/api/workspaces/${workspaceId}/chat/events?limit=200`)).body.events;
  const sentTo = (channelId: string) => fake.chatMessages.filter((m) => m.broadcasterId === channelId);

  beforeAll(async () => {
    fake = await FakeTwitch.start({ users: [BROADCASTER, BOT, SECOND_CHANNEL, MODERATOR_BOT] });
    fake.setModerators(SECOND_CHANNEL.id, [MODERATOR_BOT.id]);
    process.env['TWURPLE_MOCK_API_PORT'] = String(fake.port);
    db = await TestDatabase.create();
    app = await startTestApp({
      databaseUrl: db.url,
      env: { ...twitchEnv(fake), TWITCH_EVENTSUB_WS_URL: fake.webSocketUrl },
    });
    const signedUp = await newOwner(app.baseUrl);
    owner = { client: signedUp.client, workspaceId: signedUp.workspaceId };
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    delete process.env['TWURPLE_MOCK_API_PORT'];
    await db?.drop();
  });

  it('connects the channel and its bot, subscribing over a WebSocket session', async () => {
    fake.signInAs(BROADCASTER.id);
    const channel = await connectThroughOAuth(app, owner.client, owner.workspaceId);
    expect(channel.landedOn).toBe(`/w/${owner.workspaceId}/connections?connected=twitch`);
    // No PUBLIC_URL: the redirect goes back to the address the organizer used.
    expect(channel.authorizeUrl.searchParams.get('redirect_uri')).toBe(
      `${app.baseUrl}/api/integrations/twitch/oauth/callback`,
    );
    fake.signInAs(BOT.id);
    await connectThroughOAuth(app, owner.client, owner.workspaceId, 'bot');

    const connection = await twitchConnection(owner.client, owner.workspaceId);
    expect(connection).toMatchObject({
      status: 'connected',
      transport: 'websocket',
      botAccountName: 'LumenBot',
    });
    expect(connection.subscriptions).toHaveLength(10);
    expect(connection.subscriptions.every((s) => s.status === 'enabled')).toBe(true);
    const subscriptions = fake.subscriptions.filter(
      (s) =>
        s.condition['broadcaster_user_id'] === BROADCASTER.id ||
        s.condition['to_broadcaster_user_id'] === BROADCASTER.id,
    );
    expect(subscriptions).toHaveLength(10);
    expect(subscriptions.every((s) => s.transport.method === 'websocket' && s.status === 'enabled')).toBe(
      true,
    );
    expect(subscriptions.find((s) => s.type === 'channel.chat.message')?.condition['user_id']).toBe(BOT.id);
    expect(fake.webSocketSessions).toBeGreaterThanOrEqual(1);
  });

  it('records WebSocket notifications, once however often Twitch repeats them', async () => {
    const chat = twitchFixture('notification.channel.chat.message.plain').body.event;
    const follow = twitchFixture('notification.channel.follow.v2').body.event;
    const [message] = await fake.deliver('channel.chat.message', chat);
    const [followed] = await fake.deliver('channel.follow', follow);
    await fake.redeliver(message!);
    await fake.redeliver(followed!);
    await fake.deliver('channel.chat.message', chat, {
      messageId: 'another-delivery-of-the-same-chat-message',
    });

    const events = await until(async () => {
      const found = await eventsOf(owner.workspaceId);
      return found.length >= 2 ? found : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settled = await eventsOf(owner.workspaceId);
    expect(settled).toHaveLength(2);
    expect(events.map((e) => e.kind).sort()).toEqual(['follow', 'message']);
    expect(settled.find((e) => e.kind === 'follow')?.externalId).toBe(`eventsub:${followed!.messageId}`);
  });

  it('holds a burst of 100 bot messages to 20 in the first 30 seconds', async () => {
    const connection = await twitchConnection(owner.client, owner.workspaceId);
    for (let i = 1; i <= 100; i += 1) {
      const queued = await owner.client.post(`/api/workspaces/${owner.workspaceId}/chat/messages`, {
        text: `burst message ${i}`,
        connectionIds: [connection.id],
      });
      expect(queued.status).toBe(202);
    }
    await until(() => sentTo(BROADCASTER.id).length >= 20);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(sentTo(BROADCASTER.id)).toHaveLength(20);
    expect(sentTo(BROADCASTER.id).map((m) => m.message)).toEqual(
      Array.from({ length: 20 }, (_, i) => `burst message ${i + 1}`),
    );
    const [pending] = await db.query<{ n: string }>(
      `select count(*) as n from chat_outbox where connection_id = $1 and status = 'pending'`,
      [connection.id],
    );
    expect(Number(pending!.n)).toBe(80);
  });

  it('lets a bot that moderates the channel send up to 100 per 30 seconds', async () => {
    const created = await owner.client.post<WorkspaceDto>('/api/workspaces', { name: 'Second channel' });
    const workspaceId = created.body.id;
    fake.signInAs(SECOND_CHANNEL.id);
    await connectThroughOAuth(app, owner.client, workspaceId);
    fake.signInAs(MODERATOR_BOT.id);
    await connectThroughOAuth(app, owner.client, workspaceId, 'bot');
    const connection: ConnectionDto = await twitchConnection(owner.client, workspaceId);
    const [state] = await db.query<{ state: { botIsModerator?: boolean } }>(
      'select state from platform_connections where id = $1',
      [connection.id],
    );
    expect(state!.state.botIsModerator).toBe(true);
    for (let i = 1; i <= 30; i += 1) {
      await owner.client.post(`/api/workspaces/${workspaceId}/chat/messages`, {
        text: `mod message ${i}`,
        connectionIds: [connection.id],
      });
    }
    await until(() => sentTo(SECOND_CHANNEL.id).length === 30);
    expect(sentTo(SECOND_CHANNEL.id).every((m) => m.senderId === MODERATOR_BOT.id)).toBe(true);
  });
});

describe('Twitch without an application configured (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await TestDatabase.create();
    app = await startTestApp({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers 503 naming the variables to set', async () => {
    const { client, workspaceId } = await newOwner(app.baseUrl);
    const result = await client.get<ApiErrorDto | OAuthStartDto>(
      `/api/workspaces/${workspaceId}/connections/twitch/authorize`,
    );
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ code: 'chat.platform_not_configured' });
    expect((result.body as ApiErrorDto).message).toContain('TWITCH_CLIENT_ID');
    expect((result.body as ApiErrorDto).message).toContain('TWITCH_CLIENT_SECRET');
  });
});

/** Polls until `read` gives something truthy. */
async function until<T>(read: () => T | Promise<T>, ms = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
