import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatEvent, ChatLogDto, ConnectionDto, SendChatMessageResponse } from '@podium/contracts';
import {
  type FakeOwncast,
  type FakeTwitch,
  type FakeYoutube,
  postOwncastWebhook,
  youtubeTextMessage,
} from '@podium/fakes';
import { OwncastAdapter } from '../src/modules/integrations/owncast/owncast.adapter';
import { YoutubeAdapter } from '../src/modules/integrations/youtube/youtube.adapter';
import { OWNCAST_TOKEN, useChatPlatforms } from './support/chat-platforms';
import { record, sleep, until } from './support/live-harness';
import { connectSocket } from './support/sockets';
import {
  BOT,
  BROADCASTER,
  connectThroughOAuth,
  twitchConnection,
  twitchFixture,
} from './support/twitch-connect';
import { connectYoutube } from './support/youtube-test-bed';

const OWNCAST_SECRET = 'whsec-owncast-fixture-3Kd8Qm';
const PLATFORMS = ['twitch', 'youtube', 'owncast'] as const;
type ThreePlatforms = (typeof PLATFORMS)[number];
/** Twitch's limit for a bot that is not a moderator: 20 messages per 30 s. */
const TWITCH_WINDOW = { messages: 20, perMs: 30_000 };
/** How far a fake's clock of arrival may stray from when the outbox claimed the send. */
const ARRIVAL_SLACK_MS = 200;

interface Viewer {
  id: string;
  name: string;
}
interface OwncastChatBody {
  type: 'CHAT';
  eventData: Record<string, unknown> & { user: Record<string, unknown> };
}
const owncastChat = (
  JSON.parse(readFileSync(join(__dirname, 'fixtures/owncast/webhooks/CHAT.json'), 'utf8')) as {
    body: OwncastChatBody;
  }
).body;
const twitchChat = twitchFixture('notification.channel.chat.message.plain').body.event;

/** The most sends that arrived within any `perMs` (less the slack) of each other. */
function busiestWindow(arrivals: number[], perMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  return Math.max(
    0,
    ...sorted.map((at, i) => sorted.slice(i).filter((later) => later - at < perMs - ARRIVAL_SLACK_MS).length),
  );
}

/**
 * Issue 4's three-platform acceptance: one workspace on fake Twitch (EventSub WebSocket), YouTube
 * (polled) and Owncast (signed webhooks) at once; one merged log, "send to all", and each outbox
 * at its own platform's pace under a burst.
 */
describe('One workspace on Twitch, YouTube and Owncast at once (PostgreSQL + Redis)', () => {
  let twitch: FakeTwitch;
  let youtube: FakeYoutube;
  let owncast: FakeOwncast;
  // No PUBLIC_URL: Twitch events come over the fake's EventSub WebSocket.
  const { suite, platforms } = useChatPlatforms({ owncast: true });
  beforeAll(() => {
    ({ twitch, youtube, owncast } = platforms);
  });

  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const connections = {} as Record<ThreePlatforms, ConnectionDto>;
  const sendToAll = (text: string) =>
    suite.owner.client.post<SendChatMessageResponse>(`${ws()}/chat/messages`, { text });
  const outboxOf = (connection: ConnectionDto) =>
    suite.db.query<{ text: string; status: string }>(
      'select text, status from chat_outbox where connection_id = $1 order by seq',
      [connection.id],
    );
  const twitchSends = () => twitch.requestsTo('POST', '/mock/chat/messages');
  const youtubeSends = () =>
    youtube.requests.filter((r) => r.method === 'POST' && r.path === '/youtube/v3/liveChat/messages');
  const owncastSends = () => owncast.requests.filter((r) => r.path === '/api/integrations/chat/send');

  it('connects the workspace to all three platforms', async () => {
    twitch.signInAs(BROADCASTER.id);
    await connectThroughOAuth(suite.app, suite.owner.client, suite.owner.workspaceId);
    twitch.signInAs(BOT.id);
    await connectThroughOAuth(suite.app, suite.owner.client, suite.owner.workspaceId, 'bot');
    connections.twitch = await twitchConnection(suite.owner.client, suite.owner.workspaceId);

    youtube.chats.goLive({ title: 'Lighthouse builds, night 12' });
    connections.youtube = (await connectYoutube(suite.owner)).connection;

    const added = await suite.owner.client.post<ConnectionDto>(`${ws()}/connections/owncast`, {
      instanceUrl: owncast.url,
      accessToken: OWNCAST_TOKEN,
      webhookSecret: OWNCAST_SECRET,
    });
    expect(added.status).toBe(201);
    connections.owncast = added.body;

    const listed = await suite.owner.client.get<ConnectionDto[]>(`${ws()}/connections`);
    for (const platform of PLATFORMS) {
      expect(listed.body.filter((c) => c.platform === platform)).toEqual([
        expect.objectContaining({ id: connections[platform].id, status: 'connected' }),
      ]);
    }
    expect(connections.twitch).toMatchObject({ transport: 'websocket', botAccountName: BOT.displayName });
    expect(new Set(PLATFORMS.map((p) => connections[p].id)).size).toBe(3);
    // The poller has read the live chat once: what is posted from now on is new.
    await until('the first YouTube poll', () => youtube.chatListRequests().some((r) => r.status === 200));
  });

  it('merges what viewers say on all three, in the order it arrived, pushed and in the log', async () => {
    const { socket } = await connectSocket(suite.app.baseUrl, { cookie: suite.owner.client.cookie });
    suite.sockets.push(socket);
    const pushes = record(socket, 'chat.events');
    const pushedEvents = () => pushes.flatMap((push) => push.events);
    const hookUrl = `${suite.app.baseUrl}${new URL(connections.owncast.webhookUrl!).pathname}`;

    const say: Record<ThreePlatforms, (viewer: Viewer, text: string) => Promise<void>> = {
      twitch: async ({ id, name }, text) => {
        await twitch.deliver('channel.chat.message', {
          ...twitchChat,
          message_id: randomUUID(),
          chatter_user_id: id,
          chatter_user_login: name.toLowerCase(),
          chatter_user_name: name,
          message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] },
        });
      },
      youtube: async ({ id, name }, text) => {
        youtube.chats.post(youtubeTextMessage({ channelId: id, displayName: name }, text));
      },
      owncast: async ({ id, name }, text) => {
        const body: OwncastChatBody = {
          ...owncastChat,
          eventData: {
            ...owncastChat.eventData,
            id: `t-${randomUUID().slice(0, 12)}`,
            user: { ...owncastChat.eventData.user, id, displayName: name },
            body: `<p>${text}</p>`,
            rawBody: text,
          },
        };
        const response = await postOwncastWebhook(hookUrl, body, { secret: OWNCAST_SECRET });
        expect(response.status).toBe(200);
      },
    };
    const pixelMoth = { id: '581204977', name: 'PixelMoth' };
    const tideWrangler = { id: '415926535', name: 'TideWrangler' };
    const nightOwl = { id: 'UCviewerFixture0000000001', name: 'NightOwl' };
    const quietFern = { id: 'Kp3xQw7vR', name: 'QuietFern' };
    const script: [ThreePlatforms, Viewer, string][] = [
      ['twitch', pixelMoth, 'evening from Twitch'],
      ['youtube', nightOwl, 'hello from YouTube'],
      ['owncast', quietFern, 'Owncast checking in'],
      ['owncast', quietFern, 'the lens looks great'],
      ['twitch', tideWrangler, 'what lens is that?'],
      ['youtube', nightOwl, '!points'],
    ];
    for (const [platform, viewer, text] of script) {
      const seen = pushedEvents().length;
      await say[platform](viewer, text);
      await until(`"${text}" from ${platform}`, () => pushedEvents().length > seen, 10_000);
    }

    const expected = script.map(([platform, viewer, text]) => ({
      platform,
      kind: 'message',
      connectionId: connections[platform].id,
      displayName: viewer.name,
      text,
    }));
    const summary = (event: ChatEvent) => ({
      platform: event.platform,
      kind: event.kind,
      connectionId: event.connectionId,
      displayName: event.viewer?.displayName,
      text: event.text,
    });
    const pushed = pushedEvents();
    expect(pushed.map(summary)).toEqual(expected);
    const log = await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?limit=200`);
    expect(log.status).toBe(200);
    expect(log.body.events.map(summary)).toEqual(expected);
    expect(log.body.events.map((event) => event.id)).toEqual(pushed.map((event) => event.id));
    const received = log.body.events.map((event) => Date.parse(event.receivedAt));
    expect(received).toEqual([...received].sort((a, b) => a - b));
  });

  it('"send to all" reaches the three platforms', async () => {
    // Earlier tests' viewers typed commands the bots answer (a YouTube `!points`): count from here.
    const before = {
      twitch: twitch.chatMessages.length,
      youtube: youtube.insertedTexts().length,
      owncast: owncast.messages().length,
    };
    const text = 'Welcome, all three chats!';
    const sent = await sendToAll(text);
    expect(sent.status).toBe(202);
    for (const platform of PLATFORMS) {
      expect(sent.body.queued.filter((message) => message.platform === platform)).toEqual([
        expect.objectContaining({ connectionId: connections[platform].id, text }),
      ]);
    }
    // The bots may still be answering an earlier test's viewer (a YouTube `!points`): pick this line out.
    const mine = () => ({
      twitch: twitch.chatMessages.slice(before.twitch).filter((message) => message.message === text),
      youtube: youtube
        .insertedTexts()
        .slice(before.youtube)
        .filter((line) => line === text),
      owncast: owncast
        .messages()
        .slice(before.owncast)
        .filter((line) => line === text),
    });
    await until(
      'the message at all three fakes',
      () => Object.values(mine()).every((lines) => lines.length > 0),
      10_000,
    );
    expect(mine().twitch).toEqual([
      expect.objectContaining({ message: text, broadcasterId: BROADCASTER.id, senderId: BOT.id }),
    ]);
    expect(mine().youtube).toEqual([text]);
    expect(mine().owncast).toEqual([text]);
    await until('the three marked sent', async () => {
      const rows = await Promise.all(PLATFORMS.map((platform) => outboxOf(connections[platform])));
      return rows.every((one) => {
        const mine = one.filter((row) => row.text === text);
        return mine.length === 1 && mine[0]!.status === 'sent';
      });
    });
  });

  it('under a burst of 100, each outbox holds to its platform: Twitch to 20 in its first 30 s', async () => {
    for (let i = 1; i <= 100; i += 1) expect((await sendToAll(`burst ${i}`)).status).toBe(202);
    await until(
      'Twitch to reach its limit',
      () => twitch.chatMessages.length >= TWITCH_WINDOW.messages,
      10_000,
    );
    // Long enough for a leaky limiter to show; Owncast and YouTube keep draining meanwhile.
    await sleep(2_500);

    // The "send to all" took the window's first slot: the burst gets the other 19, in order.
    const firstWindowEnds = twitch.chatMessages[0]!.at + TWITCH_WINDOW.perMs;
    expect(Date.now()).toBeLessThan(firstWindowEnds);
    expect(twitchSends().length).toBe(TWITCH_WINDOW.messages);
    expect(twitch.chatMessages.map((m) => m.message)).toEqual([
      'Welcome, all three chats!',
      ...Array.from({ length: TWITCH_WINDOW.messages - 1 }, (_, i) => `burst ${i + 1}`),
    ]);
    const twitchRows = await outboxOf(connections.twitch);
    expect(twitchRows.filter((row) => row.status === 'sent')).toHaveLength(TWITCH_WINDOW.messages);
    expect(twitchRows.filter((row) => row.status === 'pending')).toHaveLength(101 - TWITCH_WINDOW.messages);

    const limits = {
      youtube: suite.app.podium.app.get(YoutubeAdapter).limits(),
      owncast: suite.app.podium.app.get(OwncastAdapter).limits(),
    };
    const paced = {
      youtube: youtubeSends().map((request) => request.at),
      owncast: owncastSends().map((request) => request.at),
    };
    for (const platform of ['youtube', 'owncast'] as const) {
      const { messages, perMs } = limits[platform];
      expect(busiestWindow(paced[platform], perMs)).toBeLessThanOrEqual(messages);
      // Still draining the burst at its own pace, not stuck behind Twitch.
      expect(paced[platform].length).toBeGreaterThan(1);
      const rows = await outboxOf(connections[platform]);
      expect(rows.filter((row) => row.status === 'pending').length).toBeGreaterThan(0);
    }
  });
});
