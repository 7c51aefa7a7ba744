import { FakeYoutube } from './fake-youtube.server';
import { YOUTUBE_QUOTA_EXCEEDED, youtubeTextMessage } from './youtube-fixtures';

const viewer = { channelId: 'UCviewer', displayName: 'Viewer' };

describe('FakeYoutube', () => {
  let fake: FakeYoutube;

  beforeEach(async () => {
    fake = await FakeYoutube.start({ clientId: 'client-1', clientSecret: 'secret-1' });
  });
  afterEach(() => fake.close());

  async function consent(): Promise<{ access_token: string; refresh_token: string }> {
    const authorize = new URL(`${fake.url}/authorize`);
    authorize.search = new URLSearchParams({
      client_id: 'client-1',
      redirect_uri: 'http://podium.test/callback',
      response_type: 'code',
      scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
      access_type: 'offline',
      state: 's1',
    }).toString();
    const redirect = await fetch(authorize, { redirect: 'manual' });
    const location = new URL(redirect.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('s1');
    const token = await fetch(`${fake.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: location.searchParams.get('code')!,
        client_id: 'client-1',
        client_secret: 'secret-1',
        redirect_uri: 'http://podium.test/callback',
      }),
    });
    expect(token.status).toBe(200);
    return (await token.json()) as { access_token: string; refresh_token: string };
  }

  const get = (path: string, accessToken: string) =>
    fetch(`${fake.url}/youtube/v3${path}`, { headers: { authorization: `Bearer ${accessToken}` } });

  it('issues tokens once per code and refuses the Data API without a live token', async () => {
    const tokens = await consent();
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    expect((await get('/channels?part=snippet&mine=true', tokens.access_token)).status).toBe(200);
    expect((await get('/channels?part=snippet&mine=true', 'ya29.forged')).status).toBe(401);
    fake.oauth.expireAccessTokens();
    expect((await get('/channels?part=snippet&mine=true', tokens.access_token)).status).toBe(401);
  });

  it('pages a chat by token, replays from an old token, then ends it', async () => {
    const { access_token: token } = await consent();
    const broadcast = fake.chats.goLive();
    fake.chats.post(youtubeTextMessage(viewer, 'one'), youtubeTextMessage(viewer, 'two'));
    type Page = {
      items: { snippet: { displayMessage?: string; type: string } }[];
      nextPageToken: string;
      offlineAt?: string;
    };
    const list = async (pageToken?: string) => {
      const query = new URLSearchParams({
        liveChatId: broadcast.liveChatId,
        part: 'id,snippet,authorDetails',
      });
      if (pageToken) query.set('pageToken', pageToken);
      return (await (await get(`/liveChat/messages?${query}`, token)).json()) as Page;
    };
    const first = await list();
    expect(first.items.map((item) => item.snippet.displayMessage)).toEqual(['one', 'two']);
    fake.chats.post(youtubeTextMessage(viewer, 'three'));
    const second = await list(first.nextPageToken);
    expect(second.items.map((item) => item.snippet.displayMessage)).toEqual(['three']);
    expect((await list(first.nextPageToken)).items).toHaveLength(1);

    fake.chats.endStream();
    const last = await list(second.nextPageToken);
    expect(last.items.map((item) => item.snippet.type)).toEqual(['chatEndedEvent']);
    expect(last.offlineAt).toEqual(expect.any(String));
    expect(
      (await get(`/liveChat/messages?liveChatId=${broadcast.liveChatId}&part=snippet`, token)).status,
    ).toBe(403);
    expect(fake.unitsUsed).toBe(5 * 5);
  });

  it('serves scripted answers and stops at its quota limit', async () => {
    const { access_token: token } = await consent();
    const broadcast = fake.chats.goLive();
    fake.chats.scriptNextList({ status: 200, body: '<html>oops</html>' });
    const path = `/liveChat/messages?liveChatId=${broadcast.liveChatId}&part=snippet`;
    expect(await (await get(path, token)).text()).toBe('<html>oops</html>');
    fake.quotaLimit = fake.unitsUsed + 5;
    expect((await get(path, token)).status).toBe(200);
    const refused = await get(path, token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual(YOUTUBE_QUOTA_EXCEEDED);
  });
});
