import type { ConnectionDto } from '@podium/contracts';
import { youtubeTextMessage } from '@podium/fakes';
import { until } from './support/live-harness';
import { YoutubeTestBed } from './support/youtube-test-bed';

const viewer = { channelId: 'UCtokensViewerFixture0001', displayName: 'Keyholder' };

describe('YouTube: access tokens (PostgreSQL)', () => {
  let bed: YoutubeTestBed;
  let connection: ConnectionDto;

  beforeAll(async () => {
    bed = await YoutubeTestBed.start({ pollingIntervalMillis: 300 });
    bed.fake.chats.goLive();
    ({ connection } = await bed.connect());
    await until('the first page', () => bed.fake.chatListRequests().length > 0, 10_000);
  });
  afterAll(() => bed?.close());

  const sealed = async () =>
    (
      await bed.db.query<{ credentials: string }>(
        'select credentials from platform_connections where id = $1',
        [connection.id],
      )
    )[0]!.credentials;
  const refreshes = () =>
    bed.fake.requests.filter(
      (request) =>
        request.path === '/token' &&
        new URLSearchParams(request.rawBody).get('grant_type') === 'refresh_token',
    );
  const says = async (text: string) => (await bed.events()).some((event) => event.text === text);

  it('refreshes an access token YouTube no longer takes, stores it sealed and goes on', async () => {
    const before = await sealed();
    const expiresBefore = (await bed.connection(connection.id)).tokenExpiresAt;
    bed.fake.oauth.expireAccessTokens();
    bed.fake.chats.post(youtubeTextMessage(viewer, 'after the expiry'));
    await until('the message after the expiry', () => says('after the expiry'), 10_000);

    expect(refreshes()).toHaveLength(1);
    expect(refreshes()[0]!.status).toBe(200);
    const lists = bed.fake.chatListRequests();
    expect(lists.some((request) => request.status === 401)).toBe(true);
    expect(lists.at(-1)!.status).toBe(200);
    const after = await sealed();
    expect(after).not.toBe(before);
    expect(after).not.toContain('ya29.');
    const dto = await bed.connection(connection.id);
    expect(dto.status).toBe('connected');
    expect(Date.parse(dto.tokenExpiresAt!)).toBeGreaterThanOrEqual(Date.parse(expiresBefore!));
  });

  it('refreshes a token about to expire before using it, without waiting for a refusal', async () => {
    // Tokens now live 61 s: a minute before expiry counts as expired, so each run refreshes first.
    bed.fake.oauth.accessTokenLifetimeSeconds = 61;
    bed.fake.oauth.expireAccessTokens();
    await until('a refreshed token', () => refreshes().length >= 2, 10_000);
    const refused = bed.fake.chatListRequests().filter((request) => request.status === 401).length;
    await until('refreshes ahead of expiry', () => refreshes().length >= 5, 10_000);
    expect(bed.fake.chatListRequests().filter((request) => request.status === 401)).toHaveLength(refused);
    bed.fake.oauth.accessTokenLifetimeSeconds = 3599;
    bed.fake.chats.post(youtubeTextMessage(viewer, 'fresh tokens'));
    await until('the message with fresh tokens', () => says('fresh tokens'), 10_000);
  });

  it('stops and asks for a reconnect when Google revoked the grant, then resumes after one', async () => {
    bed.fake.oauth.revokeAll();
    await until(
      'needs attention',
      async () => (await bed.connection(connection.id)).status === 'needs_attention',
      10_000,
    );
    expect((await bed.connection(connection.id)).statusDetail).toContain('connect YouTube again');
    expect(await bed.state(connection.id)).toMatchObject({ mode: 'stopped' });
    const requests = bed.fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(bed.fake.requests).toHaveLength(requests);

    bed.fake.chats.post(youtubeTextMessage(viewer, 'after the reconnect'));
    const again = await bed.connect();
    expect(again.connection.id).toBe(connection.id);
    await until('the message after the reconnect', () => says('after the reconnect'), 10_000);
    expect((await bed.connection(connection.id)).status).toBe('connected');
  });
});
