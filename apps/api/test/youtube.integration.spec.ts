import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatEvent, ConnectionDto, SendChatMessageResponse } from '@podium/contracts';
import { type FakeLiveChatMessage, type FakeYoutubeRequest, youtubeTextMessage } from '@podium/fakes';
import { until } from './support/live-harness';
import { YOUTUBE_CHANNEL, YoutubeTestBed } from './support/youtube-test-bed';

const INTERVAL_MS = 400;
const listFixture = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/youtube/liveChatMessages.list.response.json'), 'utf8'),
) as { response: { body: { items: FakeLiveChatMessage[] } } };
const viewer = { channelId: 'UCviewerFixture0000000001', displayName: 'NightOwl' };

/** The YouTube poll chain on BullMQ (Redis), against a fake YouTube serving documented pages. */
describe('YouTube: live chat polling (PostgreSQL + Redis)', () => {
  let bed: YoutubeTestBed;
  let connection: ConnectionDto;

  beforeAll(async () => {
    bed = await YoutubeTestBed.start({ redis: true, pollingIntervalMillis: INTERVAL_MS });
    bed.fake.chats.goLive({ title: 'Lighthouse builds, night 12' });
    ({ connection } = await bed.connect());
  });
  afterAll(() => bed?.close());

  /** Viewers' events: the channel's own lines (the bot answering the fixture's `!points`) are not counted. */
  const count = async () =>
    Number(
      (
        await bed.db.query<{ n: string }>(
          `select count(*) as n from chat_events
           where coalesce(payload->'viewer'->>'platformUserId', '') <> $1`,
          [YOUTUBE_CHANNEL.id],
        )
      )[0]!.n,
    );
  const listsSince = (index: number) => bed.fake.chatListRequests().slice(index);
  const eventually = (what: string, check: () => Promise<boolean> | boolean, ms = 10_000) =>
    until(what, check, ms);

  it('turns the documented items of a page into normalized events', async () => {
    bed.fake.chats.post(...structuredClone(listFixture.response.body.items));
    await eventually('four events', async () => (await bed.events()).length === 4);
    const events = await bed.events();
    const byKind = (kind: ChatEvent['kind']) => events.filter((event) => event.kind === kind);
    expect(byKind('message')[0]).toMatchObject({
      platform: 'youtube',
      connectionId: connection.id,
      externalId: 'LCC.EhwKGkNKYnQ0ZGZxaW9NREZRczFyQVlkTXRrQjF3',
      text: '!points',
      viewer: { platformUserId: 'UCpixelMothFixtureViewr1', displayName: 'PixelMoth', roles: [] },
      occurredAt: '2026-03-14T19:02:11.306Z',
      viewerId: expect.any(String),
    });
    expect(byKind('donation')[0]).toMatchObject({
      text: 'for the lighthouse fund',
      amounts: { money: { amount: '5.00', currency: 'USD' }, tier: '2' },
    });
    expect(byKind('subscription').map((event) => event.amounts)).toEqual([
      { tier: 'Keepers of the Light' },
      { months: 6, tier: 'Keepers of the Light' },
    ]);
    expect(byKind('subscription')[0]!.viewer?.roles).toEqual(['member']);
  });

  it('records a replayed page once', async () => {
    const before = await count();
    const pagesWith = (text: string) =>
      bed.fake.chatListRequests().filter((request) => request.responseBody.includes(text)).length;
    bed.fake.chats.post(youtubeTextMessage(viewer, 'first of a replayed page'));
    await eventually('the new message', async () => (await count()) === before + 1);
    bed.fake.chats.replayNextList();
    bed.fake.chats.post(youtubeTextMessage(viewer, 'after the replay'));
    await eventually('the message after the replay', async () => (await count()) === before + 2);
    expect(pagesWith('first of a replayed page')).toBe(2);
    const texts = (await bed.events()).map((event) => event.text);
    expect(texts.filter((text) => text === 'first of a replayed page')).toHaveLength(1);
    expect(await count()).toBe(before + 2);
  });

  it("polls at YouTube's pollingIntervalMillis, never faster", async () => {
    const from = bed.fake.chatListRequests().length;
    await eventually('six more polls', () => listsSince(from).length >= 6, 15_000);
    const polls = listsSince(from).filter((request) => request.status === 200);
    const gaps = polls.slice(1).map((request, i) => request.at - polls[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS);
    // Following the interval, not a slower pace of its own (the budget here is plentiful).
    expect(gaps.filter((gap) => gap < INTERVAL_MS + 400).length).toBeGreaterThanOrEqual(gaps.length - 1);
  });

  it('counts the quota units it spends and shows them on the connection', async () => {
    await eventually('the count to match what YouTube counted', async () => {
      const dto = await bed.connection(connection.id);
      return dto.quota?.used === bed.fake.unitsUsed;
    });
    const dto = await bed.connection(connection.id);
    expect(dto.quota).toEqual({
      used: bed.fake.unitsUsed,
      budget: 1_000_000,
      resetsAt: expect.stringMatching(/T0[78]:00:00\.000Z$/),
    });
    // channels.list + liveBroadcasts.list + 5 per page read.
    const lists = bed.fake.chatListRequests().filter((request) => request.status === 200).length;
    expect(bed.fake.unitsUsed).toBeGreaterThanOrEqual(2 + 5 * lists);
  });

  it('sends through liveChatMessages.insert, split to 200 characters, one message per 2 s', async () => {
    // The bot already answered the fixture's `!points`: look only at what this test sends.
    const before = bed.fake.insertedTexts().length;
    const insertsBefore = bed.fake.requests.filter(
      (request) => request.method === 'POST' && request.path.endsWith('/liveChat/messages'),
    ).length;
    const long = `${'lighthouse '.repeat(25)}end`;
    const sent = await bed.owner.client.post<SendChatMessageResponse>(`${bed.workspaceUrl}/chat/messages`, {
      text: long,
      connectionIds: [connection.id],
    });
    expect(sent.status).toBe(202);
    expect(sent.body.queued).toHaveLength(2);
    const parts = sent.body.queued.map((message) => message.id);
    await eventually('both parts at YouTube', () => bed.fake.insertedTexts().length === before + 2, 15_000);
    const inserted = bed.fake.insertedTexts().slice(before);
    expect(inserted.every((text) => text.length <= 200)).toBe(true);
    expect(inserted.join(' ')).toBe(long);
    const inserts = bed.fake.requests
      .filter((request) => request.method === 'POST' && request.path.endsWith('/liveChat/messages'))
      .slice(insertsBefore);
    expect(inserts[1]!.at - inserts[0]!.at).toBeGreaterThanOrEqual(1_900);
    expect(JSON.parse(inserts[0]!.rawBody)).toEqual({
      snippet: {
        liveChatId: bed.fake.chats.activeBroadcasts()[0]!.liveChatId,
        type: 'textMessageEvent',
        textMessageDetails: { messageText: inserted[0] },
      },
    });
    await eventually('both marked sent', async () => {
      const rows = await bed.db.query<{ status: string }>(
        'select status from chat_outbox where id = any($1::uuid[])',
        [parts],
      );
      return rows.length === 2 && rows.every((row) => row.status === 'sent');
    });
    // What the channel says comes back through the chat, as the broadcaster.
    await eventually('the echo in the log', async () =>
      (await bed.events()).some(
        (event) => event.text === inserted[0] && event.viewer?.roles.includes('broadcaster') === true,
      ),
    );
  });

  it('logs and retries a malformed answer later, from the same page token', async () => {
    const from = bed.fake.chatListRequests().length;
    bed.fake.chats.scriptNextList(
      { status: 200, body: '<html><body>Service Unavailable</body></html>' },
      { status: 200, body: { kind: 'youtube#liveChatMessageListResponse', items: 'not a list' } },
      { status: 503, body: { error: { code: 503, message: 'The service is currently unavailable.' } } },
    );
    bed.fake.chats.post(youtubeTextMessage(viewer, 'after the bad answers'));
    await eventually(
      'the message after the bad answers',
      async () => (await bed.events()).some((event) => event.text === 'after the bad answers'),
      20_000,
    );
    const lists: FakeYoutubeRequest[] = listsSince(from);
    const bad = lists.findIndex((request) => request.responseBody.startsWith('<html>'));
    expect(bad).toBeGreaterThanOrEqual(0);
    const token = (request: FakeYoutubeRequest) => request.query.get('pageToken');
    // Three bad answers, three retries with the token that failed, each later than the last.
    expect(lists.slice(bad, bad + 4).map(token)).toEqual(Array(4).fill(token(lists[bad]!)));
    expect(lists[bad + 1]!.at - lists[bad]!.at).toBeGreaterThanOrEqual(2_000);
    expect(lists[bad + 2]!.at - lists[bad + 1]!.at).toBeGreaterThanOrEqual(4_000);
    expect((await bed.connection(connection.id)).status).toBe('connected');
  }, 40_000);

  it('stops cleanly when the live chat ends and resumes on the next broadcast', async () => {
    bed.fake.chats.post(youtubeTextMessage(viewer, 'last words'));
    const ended = bed.fake.chats.activeBroadcasts()[0]!;
    bed.fake.chats.endStream();
    await eventually('the wait for a broadcast', async () => {
      const dto = await bed.connection(connection.id);
      return dto.status === 'connected' && dto.statusDetail === 'waiting for a live broadcast';
    });
    expect((await bed.events()).some((event) => event.text === 'last words')).toBe(true);
    expect(await bed.state(connection.id)).toMatchObject({
      mode: 'waiting',
      liveChatId: null,
      endedLiveChatId: ended.liveChatId,
    });
    const polls = bed.fake.chatListRequests().length;
    const lookups = () =>
      bed.fake.requests.filter((request) => request.path.endsWith('/liveBroadcasts')).length;
    const lookupsBefore = lookups();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(bed.fake.chatListRequests()).toHaveLength(polls);
    // YOUTUBE_BROADCAST_CHECK_MS is 1 s here: a lookup a second, 1 unit each.
    expect(lookups() - lookupsBefore).toBeGreaterThanOrEqual(1);
    expect(lookups() - lookupsBefore).toBeLessThanOrEqual(3);

    const next = bed.fake.chats.goLive({ title: 'Night 13' });
    bed.fake.chats.post(youtubeTextMessage(viewer, 'back again'));
    await eventually('the new broadcast', async () =>
      (await bed.events()).some((event) => event.text === 'back again'),
    );
    expect(bed.fake.chatListRequests().at(-1)!.query.get('liveChatId')).toBe(next.liveChatId);
    expect((await bed.connection(connection.id)).statusDetail).toBeNull();
  });

  it('treats a 403 liveChatEnded like the end of the chat', async () => {
    bed.fake.chats.endStream({ abrupt: true });
    await eventually(
      'the wait for a broadcast',
      async () => (await bed.connection(connection.id)).statusDetail === 'waiting for a live broadcast',
    );
    expect(bed.fake.chatListRequests().at(-1)!.status).toBe(403);
    expect(await bed.state(connection.id)).toMatchObject({ mode: 'waiting', nextPageToken: null });
    bed.fake.chats.goLive();
    await eventually('polling again', async () => (await bed.state(connection.id))['mode'] === 'polling');
    expect((await bed.connection(connection.id)).accountName).toBe(YOUTUBE_CHANNEL.title);
  });
});
