import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatLogDto, ConnectionDto } from '@podium/contracts';
import { FakeYoutube, youtubeTextMessage } from '@podium/fakes';
import { newOwner } from './support/factories';
import { HttpClient } from './support/http-client';
import { until } from './support/live-harness';
import { startTestApp, type TestApp } from './support/test-app';
import { connectYoutube, GOOGLE_CLIENT } from './support/youtube-test-bed';

/** The same poll chain on the embedded database and in-process timers (no DATABASE_URL, no REDIS_URL). */
describe('YouTube on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-yt-embedded-'));
  let fake: FakeYoutube;
  let app: TestApp | undefined;

  beforeAll(async () => {
    fake = await FakeYoutube.start(GOOGLE_CLIENT);
    fake.chats.pollingIntervalMillis = 300;
  });
  afterAll(async () => {
    await app?.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects, reads pages, counts quota and resumes after a restart', async () => {
    const env = {
      GOOGLE_CLIENT_ID: GOOGLE_CLIENT.clientId,
      GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT.clientSecret,
      ...fake.env(),
    };
    app = await startTestApp({ dataDir, env });
    const owner = await newOwner(app.baseUrl);
    const viewer = { channelId: 'UCembeddedViewerFixture01', displayName: 'Hearthside' };
    fake.chats.goLive();
    fake.chats.post(youtubeTextMessage(viewer, 'hello from the embedded database'));
    const { connection } = await connectYoutube(owner);
    const texts = async (client = owner.client) =>
      (
        await client.get<ChatLogDto>(`/api/workspaces/${owner.workspaceId}/chat/events?platform=youtube`)
      ).body.events.map((event) => event.text);
    await until('the first page', async () => (await texts()).length === 1, 10_000);
    const dto = async (client = owner.client) =>
      (await client.get<ConnectionDto>(`/api/workspaces/${owner.workspaceId}/connections/${connection.id}`))
        .body;
    await until('the quota count', async () => (await dto()).quota?.used === fake.unitsUsed, 5_000);
    await app.close();

    fake.chats.post(youtubeTextMessage(viewer, 'while the api was down'));
    const seen = fake.chatListRequests().length;
    app = await startTestApp({ dataDir, env });
    // The new api listens on another port; the session lives in the embedded database.
    const again = new HttpClient(app.baseUrl);
    again.cookie = owner.client.cookie;
    await until('the message posted while down', async () => (await texts(again)).length === 2, 10_000);
    expect(fake.chatListRequests()[seen]!.query.get('pageToken')).toEqual(expect.any(String));
    expect((await dto(again)).status).toBe('connected');
  }, 60_000);
});
