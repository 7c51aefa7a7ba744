import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiErrorDto, ChatLogDto, ConnectionDto, SendChatMessageResponse } from '@podium/contracts';
import { FakeTwitch } from '@podium/fakes';
import { newOwner } from './support/factories';
import { HttpClient } from './support/http-client';
import { eventually } from './support/live';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import {
  BOT,
  BROADCASTER,
  RAIDER,
  connectThroughOAuth,
  twitchConnection,
  twitchEnv,
  twitchFixture,
} from './support/twitch-connect';

const PUBLIC_URL = 'https://podium.example.test';

describe('a Twitch connection over EventSub webhooks: sign-in, sending, subscriptions (PostgreSQL)', () => {
  let fake: FakeTwitch;
  let db: TestDatabase;
  let app: TestApp;
  let owner: { client: HttpClient; workspaceId: string };
  /** Kept across the restart: it holds the key the tokens are sealed with. */
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-twitch-it-'));
  let env: Record<string, string>;

  const events = async () =>
    (await owner.client.get<ChatLogDto>(`/api/workspaces/${owner.workspaceId}/chat/events?limit=200`)).body
      .events;
  const outbox = (text: string) =>
    db.query<{ status: string; detail: string | null; attempts: number }>(
      'select status, detail, attempts from chat_outbox where text = $1',
      [text],
    );
  const send = (connection: ConnectionDto, text: string) =>
    owner.client.post<SendChatMessageResponse>(`/api/workspaces/${owner.workspaceId}/chat/messages`, {
      text,
      connectionIds: [connection.id],
    });

  beforeAll(async () => {
    fake = await FakeTwitch.start({ users: [BROADCASTER, BOT, RAIDER] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(fake.port);
    fake.routeCallbacks(PUBLIC_URL, () => app.baseUrl);
    db = await TestDatabase.create();
    env = { PUBLIC_URL, ...twitchEnv(fake) };
    app = await startTestApp({ databaseUrl: db.url, dataDir, env });
    const signedUp = await newOwner(app.baseUrl);
    owner = { client: signedUp.client, workspaceId: signedUp.workspaceId };
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    delete process.env['TWURPLE_MOCK_API_PORT'];
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a forged sign-in state and reports a refused authorization on the connections page', async () => {
    const forged = await fetch(
      `${app.baseUrl}/api/integrations/twitch/oauth/callback?code=abc&state=not.signed`,
      { redirect: 'manual' },
    );
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as ApiErrorDto).code).toBe('chat.oauth_state_invalid');

    fake.denyNextAuthorization();
    const denied = await connectThroughOAuth(app, owner.client, owner.workspaceId);
    expect(denied.landedOn).toBe(
      `/w/${owner.workspaceId}/connections?error=${encodeURIComponent('Twitch did not connect: The user denied you access')}`,
    );

    fake.signInAs(BROADCASTER.id);
    fake.withholdScopesOnce(['bits:read']);
    const partial = await connectThroughOAuth(app, owner.client, owner.workspaceId);
    expect(decodeURIComponent(partial.landedOn)).toContain('Twitch did not grant bits:read');
    expect(await db.query(`select id from platform_connections where platform = 'twitch'`)).toHaveLength(0);
  });

  it('connects the channel through OAuth, stores the tokens sealed and subscribes to the ten event types', async () => {
    fake.signInAs(BROADCASTER.id);
    const { authorizeUrl, landedOn } = await connectThroughOAuth(app, owner.client, owner.workspaceId);
    expect(landedOn).toBe(`/w/${owner.workspaceId}/connections?connected=twitch`);
    expect(authorizeUrl.searchParams.get('client_id')).toBe(fake.clientId);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(
      `${PUBLIC_URL}/api/integrations/twitch/oauth/callback`,
    );
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining([
        'user:read:chat',
        'user:write:chat',
        'moderator:read:followers',
        'channel:read:subscriptions',
        'bits:read',
        'channel:read:redemptions',
      ]),
    );

    const connection = await twitchConnection(owner.client, owner.workspaceId);
    expect(connection).toMatchObject({
      status: 'connected',
      accountName: 'Lumenfall',
      transport: 'webhook',
      botAccountName: null,
    });
    expect(connection.tokenExpiresAt).not.toBeNull();
    expect(connection.subscriptions.map((s) => s.type).sort()).toEqual(
      fake.subscriptions.map((s) => s.type).sort(),
    );
    expect(connection.subscriptions).toHaveLength(10);
    expect(connection.subscriptions.every((s) => s.status === 'enabled')).toBe(true);
    expect(fake.subscriptions.every((s) => s.status === 'enabled' && s.transport.method === 'webhook')).toBe(
      true,
    );

    const exchanged = fake
      .requestsTo('POST', '/auth/token')
      .filter((r) => r.query['grant_type'] === 'authorization_code');
    const [row] = await db.query<{ credentials: string; account_id: string }>(
      `select credentials, account_id from platform_connections where platform = 'twitch'`,
    );
    expect(row!.account_id).toBe(BROADCASTER.id);
    expect(row!.credentials).toMatch(/^v1\./);
    for (const token of fake.issuedTokensOf(BROADCASTER.id)) expect(row!.credentials).not.toContain(token);
    expect(exchanged.length).toBeGreaterThan(0);
  });

  it('attaches a bot account that then reads and writes chat for the channel', async () => {
    fake.signInAs(BOT.id);
    const { authorizeUrl, landedOn } = await connectThroughOAuth(app, owner.client, owner.workspaceId, 'bot');
    expect(landedOn).toBe(`/w/${owner.workspaceId}/connections?connected=twitch`);
    expect(authorizeUrl.searchParams.get('scope')).toBe('user:read:chat user:write:chat user:bot');
    const connection = await twitchConnection(owner.client, owner.workspaceId);
    expect(connection).toMatchObject({
      status: 'connected',
      accountName: 'Lumenfall',
      botAccountName: 'LumenBot',
    });
    const chat = fake.subscriptions.filter((s) => s.type === 'channel.chat.message');
    expect(chat).toHaveLength(1);
    expect(chat[0]!.condition).toEqual({ broadcaster_user_id: BROADCASTER.id, user_id: BOT.id });
    const [row] = await db.query<{ bot_credentials: string }>(
      `select bot_credentials from platform_connections where platform = 'twitch'`,
    );
    expect(row!.bot_credentials).toMatch(/^v1\./);
  });

  it('sends as the bot, records Twitch drop reasons, retries after a 429 and refreshes an expired token', async () => {
    const connection = await twitchConnection(owner.client, owner.workspaceId);
    expect((await send(connection, 'Welcome to the stream!')).status).toBe(202);
    await eventually(
      () => fake.chatMessages.map((m) => m.message),
      (sent) => sent.includes('Welcome to the stream!'),
    );
    expect(fake.chatMessages.at(-1)).toMatchObject({ broadcasterId: BROADCASTER.id, senderId: BOT.id });
    // Twitch has it before the outbox row is marked: wait for the mark, not just the arrival.
    expect(await waitForOutbox('Welcome to the stream!', 'sent')).toMatchObject({ status: 'sent' });

    fake.dropNextMessages(1);
    await send(connection, 'PixelMoth has 1,250 points');
    const dropped = await waitForOutbox('PixelMoth has 1,250 points', 'dropped');
    expect(dropped.detail).toBe('Your message is being checked by mods and has not been sent.');

    fake.rateLimitNextMessages(1);
    await send(connection, 'Second try');
    const retried = await waitForOutbox('Second try', 'sent');
    expect(retried.attempts).toBe(2);

    const [before] = await db.query<{ credentials: string; bot_credentials: string }>(
      `select credentials, bot_credentials from platform_connections where platform = 'twitch'`,
    );
    fake.expireAccessTokens();
    await send(connection, 'After a refresh');
    await waitForOutbox('After a refresh', 'sent');
    const refreshes = fake
      .requestsTo('POST', '/auth/token')
      .filter((r) => r.query['grant_type'] === 'refresh_token');
    expect(refreshes.length).toBeGreaterThan(0);
    const [after] = await db.query<{ bot_credentials: string }>(
      `select bot_credentials from platform_connections where platform = 'twitch'`,
    );
    expect(after!.bot_credentials).not.toBe(before!.bot_credentials);
  });

  it('shows a revoked subscription on the connection, which then needs attention', async () => {
    const follow = fake.subscriptions.find((s) => s.type === 'channel.follow')!;
    const revocation = await fake.revoke(follow.id, 'authorization_revoked');
    expect(revocation.transport === 'webhook' && revocation.status).toBeGreaterThanOrEqual(200);
    expect(revocation.transport === 'webhook' && revocation.status).toBeLessThan(300);
    const connection = await twitchConnection(owner.client, owner.workspaceId);
    expect(connection.status).toBe('needs_attention');
    expect(connection.statusDetail).toContain('channel.follow authorization_revoked');
    expect(connection.subscriptions).toContainEqual({
      type: 'channel.follow',
      status: 'authorization_revoked',
    });
  });

  it('reconciles at start: keeps live subscriptions, deletes stale ones and creates missing ones', async () => {
    const kept = fake.subscriptions;
    expect(kept.map((s) => s.type)).not.toContain('channel.follow');
    const callback = kept[0]!.transport.method === 'webhook' ? kept[0]!.transport.callback : '';
    const current = callback.slice(0, callback.indexOf('/event/'));
    const orphan = fake.seedWebhookSubscription({
      type: 'stream.online',
      version: '1',
      condition: { broadcaster_user_id: '555000111' },
      callback: `${current}/event/stream.online.555000111`,
      secret: 'secret-of-a-channel-long-gone',
    });
    const oldSecret = fake.seedWebhookSubscription({
      type: 'channel.follow',
      version: '2',
      condition: { broadcaster_user_id: BROADCASTER.id, moderator_user_id: BROADCASTER.id },
      callback: `${PUBLIC_URL}/api/integrations/twitch/eventsub/0123456789ab/event/channel.follow.${BROADCASTER.id}`,
      secret: 'secret-before-it-changed',
    });

    await app.close();
    app = await startTestApp({ databaseUrl: db.url, dataDir, env });
    const client = new HttpClient(app.baseUrl);
    client.cookie = owner.client.cookie;
    owner = { client, workspaceId: owner.workspaceId };

    await until(() =>
      fake.subscriptions.some(
        (s) => s.type === 'channel.follow' && s.status === 'enabled' && s.id !== oldSecret.id,
      ),
    );
    const ids = fake.subscriptions.map((s) => s.id);
    expect(ids).not.toContain(orphan.id);
    expect(ids).not.toContain(oldSecret.id);
    expect(ids).toEqual(expect.arrayContaining(kept.map((s) => s.id)));
    expect(fake.subscriptions).toHaveLength(10);
    const connection = await until(async () => {
      const found = await twitchConnection(owner.client, owner.workspaceId);
      return found.status === 'connected' && found.subscriptions.every((s) => s.status === 'enabled')
        ? found
        : undefined;
    });
    expect(connection.subscriptions).toHaveLength(10);

    const follow = twitchFixture('notification.channel.follow.v2').body.event;
    const [delivery] = await fake.deliver('channel.follow', {
      ...follow,
      user_id: '24680',
      user_login: 'latecomer',
      user_name: 'Latecomer',
    });
    expect(delivery!.transport === 'webhook' && delivery!.status).toBe(202);
    expect((await events()).some((e) => e.viewer?.login === 'latecomer')).toBe(true);
  });

  it('disconnecting deletes the subscriptions at Twitch and revokes both tokens', async () => {
    const connection = await twitchConnection(owner.client, owner.workspaceId);
    const revokedBefore = fake.revokedTokens.length;
    expect(
      (await owner.client.delete(`/api/workspaces/${owner.workspaceId}/connections/${connection.id}`)).status,
    ).toBe(204);
    expect(fake.subscriptions).toHaveLength(0);
    expect(fake.revokedTokens.length - revokedBefore).toBe(2);
    expect(await db.query(`select id from platform_connections where platform = 'twitch'`)).toHaveLength(0);
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

  async function waitForOutbox(text: string, status: string) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = await outbox(text);
      if (row?.status === status) return row;
      if (Date.now() > deadline) throw new Error(`outbox "${text}" is ${JSON.stringify(row)}, not ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
