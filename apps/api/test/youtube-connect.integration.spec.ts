import type { ApiErrorDto, ConnectionDto, OAuthStartDto } from '@podium/contracts';
import { newMember, newOwner } from './support/factories';
import { HttpClient } from './support/http-client';
import { until } from './support/live-harness';
import { startTestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import { GOOGLE_CLIENT, YOUTUBE_CHANNEL, YoutubeTestBed } from './support/youtube-test-bed';

describe('YouTube: connecting through Google OAuth (PostgreSQL)', () => {
  let bed: YoutubeTestBed;

  beforeAll(async () => {
    bed = await YoutubeTestBed.start();
  });
  afterAll(() => bed?.close());

  const authorizeUrl = () => `${bed.workspaceUrl}/connections/youtube/authorize`;
  const connectionRows = () =>
    bed.db.query<{ id: string; credentials: string; account_id: string }>(
      `select id, credentials, account_id from platform_connections where platform = 'youtube'`,
    );

  it('sends the owner to Google for an offline grant of the chat scope, signed with state', async () => {
    const result = await bed.owner.client.get<OAuthStartDto>(authorizeUrl());
    expect(result.status).toBe(200);
    const url = new URL(result.body.authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${bed.fake.url}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: GOOGLE_CLIENT.clientId,
      redirect_uri: `${bed.app.baseUrl}/api/integrations/youtube/oauth/callback`,
      response_type: 'code',
      scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
      access_type: 'offline',
      prompt: 'consent',
      state: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
    });
  });

  it('lets only owners start a connect', async () => {
    const moderator = await newMember(bed.owner.client, bed.owner.workspaceId, 'moderator');
    expect((await moderator.client.get<ApiErrorDto>(authorizeUrl())).status).toBe(403);
    expect((await new HttpClient(bed.app.baseUrl).get(authorizeUrl())).status).toBe(401);
  });

  it('refuses a forged or missing state and stores nothing', async () => {
    const callback = `${bed.app.baseUrl}/api/integrations/youtube/oauth/callback`;
    for (const query of [
      '?code=4/abc&state=eyJ3b3Jrc3BhY2VJZCI6IngifQ.forged',
      '?code=4/abc',
      '?state=' + 'x'.repeat(5000),
    ]) {
      const response = await fetch(`${callback}${query}`, { redirect: 'manual' });
      expect(response.status).toBe(400);
    }
    expect(await connectionRows()).toHaveLength(0);
    expect(bed.fake.requests.filter((request) => request.path === '/token')).toHaveLength(0);
  });

  it('comes back with ?error= when the organizer cancels at Google, storing nothing', async () => {
    bed.fake.oauth.denyNext = true;
    const start = await bed.owner.client.get<OAuthStartDto>(authorizeUrl());
    const consent = await fetch(start.body.authorizeUrl, { redirect: 'manual' });
    const done = await fetch(consent.headers.get('location')!, { redirect: 'manual' });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(
      `/w/${bed.owner.workspaceId}/connections?error=${encodeURIComponent('YouTube access was not granted')}`,
    );
    expect(await connectionRows()).toHaveLength(0);
  });

  it('comes back with ?error= when Google refuses the code, storing nothing', async () => {
    const start = await bed.owner.client.get<OAuthStartDto>(authorizeUrl());
    const consent = await fetch(start.body.authorizeUrl, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location')!);
    callback.searchParams.set('code', '4/never-issued');
    const done = await fetch(callback, { redirect: 'manual' });
    expect(done.headers.get('location')).toMatch(/\?error=Connecting%20YouTube%20failed/);
    expect(await connectionRows()).toHaveLength(0);
  });

  it('connects the channel that consented, with its tokens sealed, and starts reading chat', async () => {
    bed.fake.chats.goLive({ title: 'Night 12' });
    const { connection, location } = await bed.connect();
    expect(location).toBe(`/w/${bed.owner.workspaceId}/connections?connected=youtube`);
    expect(connection).toMatchObject({
      platform: 'youtube',
      accountName: YOUTUBE_CHANNEL.title,
      transport: 'polling',
      tokenExpiresAt: expect.any(String),
      quota: { used: expect.any(Number), budget: 1_000_000, resetsAt: expect.any(String) },
    });

    const [row] = await connectionRows();
    expect(row!.account_id).toBe(YOUTUBE_CHANNEL.id);
    const token = bed.fake.requests.find((request) => request.path === '/token');
    expect(token).toBeDefined();
    const issued = bed.fake.requests
      .filter((request) => request.path.startsWith('/youtube/v3/'))
      .map((request) => request.authorization!.replace('Bearer ', ''));
    expect(issued.length).toBeGreaterThan(0);
    for (const secret of issued) expect(row!.credentials).not.toContain(secret);
    expect(row!.credentials).not.toContain('fake-refresh');
    expect(row!.credentials).toMatch(/^v1\./);

    await until(
      'the first chat page to be read',
      async () =>
        (await bed.connection(connection.id)).statusDetail === null && bed.fake.chatListRequests().length > 0,
    );
    expect((await bed.connection(connection.id)).status).toBe('connected');
  });

  it('answers 503 naming the variables when no Google client is configured', async () => {
    const db = await TestDatabase.create();
    const app = await startTestApp({ databaseUrl: db.url });
    try {
      const owner = await newOwner(app.baseUrl);
      const result = await owner.client.get<ApiErrorDto>(
        `/api/workspaces/${owner.workspaceId}/connections/youtube/authorize`,
      );
      expect(result.status).toBe(503);
      expect(result.body).toMatchObject({ code: 'chat.platform_not_configured' });
      expect(result.body.message).toContain('GOOGLE_CLIENT_ID');
      expect(result.body.message).toContain('GOOGLE_CLIENT_SECRET');
      const callback = await fetch(`${app.baseUrl}/api/integrations/youtube/oauth/callback?code=x&state=y`, {
        redirect: 'manual',
      });
      expect(callback.status).toBe(503);
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it('revokes the grant at Google on disconnect and forgets the connection', async () => {
    const [connection] = (await bed.connections()).filter(
      (candidate: ConnectionDto) => candidate.platform === 'youtube',
    );
    const removed = await bed.owner.client.delete(`${bed.workspaceUrl}/connections/${connection!.id}`);
    expect(removed.status).toBe(204);
    const revoke = bed.fake.requests.find((request) => request.path === '/revoke');
    expect(revoke?.status).toBe(200);
    expect(new URLSearchParams(revoke!.rawBody).get('token')).toMatch(/^1\/\/fake-refresh-/);
    expect(bed.fake.oauth.revokedGrants).toBe(1);
    expect(await connectionRows()).toHaveLength(0);
  });
});
