import { youtubeTextMessage } from '@podium/fakes';
import { until } from './support/live-harness';
import { YoutubeTestBed } from './support/youtube-test-bed';

const viewer = { channelId: 'UCrestartViewerFixture001', displayName: 'Lamplighter' };

/**
 * The api is stopped mid-stream and a new one starts on the same database: polling goes on from
 * the page token the first one stored (the fake sees that token, never a first-page request),
 * nothing is recorded twice and nothing posted meanwhile is lost. Both scheduler drivers.
 */
describe.each([
  ['BullMQ on Redis', true],
  ['in-process timers', false],
])('YouTube across an api restart (%s)', (_, redis) => {
  let bed: YoutubeTestBed;

  beforeAll(async () => {
    bed = await YoutubeTestBed.start({ redis, pollingIntervalMillis: 300 });
  });
  afterAll(() => bed?.close());

  const recorded = async () =>
    (await bed.db.query<{ external_id: string }>('select external_id from chat_events order by seq')).map(
      (row) => row.external_id,
    );

  it('resumes at the stored page token', async () => {
    const broadcast = bed.fake.chats.goLive();
    const before = [1, 2, 3].map((n) => youtubeTextMessage(viewer, `before ${n}`));
    bed.fake.chats.post(...before);
    const { connection } = await bed.connect();
    await until('the first page', async () => (await recorded()).length === 3, 10_000);
    await until(
      'a poll with a page token',
      () => bed.fake.chatListRequests().some((r) => r.query.has('pageToken')),
      5_000,
    );

    await bed.stopApp();
    const stored = await bed.state(connection.id);
    expect(stored).toMatchObject({ mode: 'polling', liveChatId: broadcast.liveChatId });
    expect(stored.nextPageToken).toEqual(expect.any(String));
    const seenBefore = bed.fake.requests.length;
    const during = [4, 5].map((n) => youtubeTextMessage(viewer, `while down ${n}`));
    bed.fake.chats.post(...during);

    await bed.boot();
    await until('the messages posted while down', async () => (await recorded()).length === 5, 15_000);
    const after = bed.fake.requests.slice(seenBefore);
    const lists = after.filter((request) => request.path.endsWith('/liveChat/messages'));
    expect(lists[0]!.query.get('pageToken')).toBe(stored.nextPageToken);
    expect(lists.every((request) => request.query.get('pageToken') !== null)).toBe(true);
    // It went on with the chat it had: no new broadcast lookup, no new token exchange.
    expect(after.filter((request) => request.path.endsWith('/liveBroadcasts'))).toHaveLength(0);
    expect(await recorded()).toEqual([...before, ...during].map((item) => item.id));

    bed.fake.chats.post(youtubeTextMessage(viewer, 'after the restart'));
    await until('polling to go on', async () => (await recorded()).length === 6, 10_000);
  });
});
