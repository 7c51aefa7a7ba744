import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ChatEvent,
  ChatLogDto,
  ConnectionDto,
  InroomChatMessageDto,
  ModerationLogEntryDto,
  ModerationLogPageDto,
  ModerationSettingsDto,
} from '@podium/contracts';
import { DEFAULT_MODERATION_SETTINGS } from '@podium/contracts';
import {
  type FakeOwncast,
  type FakeTwitch,
  type FakeYoutube,
  postOwncastWebhook,
  youtubeTextMessage,
} from '@podium/fakes';
import { ChatStages } from '../src/modules/bots/chat-stages';
import { failed, ok, record, request, sleep, until } from './support/live-harness';
import { OWNCAST_TOKEN, useChatPlatforms } from './support/chat-platforms';
import { connectSocket } from './support/sockets';
import { newQuestionInput } from './support/factories';
import {
  BOT,
  BROADCASTER,
  connectThroughOAuth,
  twitchConnection,
  twitchFixture,
} from './support/twitch-connect';
import { connectYoutube } from './support/youtube-test-bed';

const OWNCAST_SECRET = 'whsec-owncast-fixture-3Kd8Qm';
const PIXEL_MOTH = { id: '581204977', name: 'PixelMoth' };
const TIDE_WRANGLER = { id: '415926535', name: 'TideWrangler' };

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

/** Banned "scam" (word), "free*coins" (wildcard) and a regex; links only to podium.example. */
function moderationSettings(action: ModerationSettingsDto['bannedTerms']['action']): ModerationSettingsDto {
  return {
    ...structuredClone(DEFAULT_MODERATION_SETTINGS),
    enabled: true,
    bannedTerms: {
      enabled: true,
      action,
      warning: null,
      terms: [
        { kind: 'word', pattern: 'scam' },
        { kind: 'wildcard', pattern: 'free*coins' },
        { kind: 'regex', pattern: 'buy\\s+follow(er)?s' },
      ],
    },
    links: {
      enabled: true,
      action: { type: 'delete' },
      warning: null,
      allowedDomains: ['podium.example'],
      allowedRoles: [],
    },
  };
}

/**
 * Moderation through the real pipeline on the fake platforms: a verdict is acted on at the
 * message's own platform (Twitch delete, YouTube delete + ban, Owncast hide, in-room hide and
 * silence), logged once, pushed to organizers, and later stages never see the message.
 */
describe('Chat moderation on Twitch, YouTube, Owncast and in-room (PostgreSQL + Redis)', () => {
  let twitch: FakeTwitch;
  let youtube: FakeYoutube;
  let owncast: FakeOwncast;
  const { suite, platforms } = useChatPlatforms({ owncast: true });
  beforeAll(() => {
    ({ twitch, youtube, owncast } = platforms);
  });

  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const connections = {} as Record<'twitch' | 'youtube' | 'owncast', ConnectionDto>;
  /** Texts of messages a stage after moderation saw. */
  const seenLater: string[] = [];
  let logged: ModerationLogEntryDto[] = [];

  const logEntries = async () => {
    const page = await suite.owner.client.get<ModerationLogPageDto>(`${ws()}/bots/moderation/log`);
    expect(page.status).toBe(200);
    return page.body.entries;
  };
  const logRows = (eventId: string) =>
    suite.db.query<{ id: string }>('select id from bot_moderation_log where event_id = $1', [eventId]);
  const eventByExternalId = async (externalId: string) =>
    (
      await suite.db.query<{ payload: ChatEvent; processed_at: Date | null }>(
        'select payload, processed_at from chat_events where external_id = $1',
        [externalId],
      )
    )[0];
  const processed = (externalId: string) =>
    until(
      `${externalId} handled`,
      async () => Boolean((await eventByExternalId(externalId))?.processed_at),
      10_000,
    );
  const sayOnTwitch = (viewer: { id: string; name: string }, text: string, badges: unknown[] = []) => {
    const messageId = randomUUID();
    const delivered = twitch.deliver('channel.chat.message', {
      ...twitchChat,
      message_id: messageId,
      chatter_user_id: viewer.id,
      chatter_user_login: viewer.name.toLowerCase(),
      chatter_user_name: viewer.name,
      badges,
      message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] },
    });
    return { messageId, externalId: `message:${messageId}`, delivered };
  };

  it('connects Twitch, YouTube and Owncast, and a later stage is watching', async () => {
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
    await until('the first YouTube poll', () => youtube.chatListRequests().some((r) => r.status === 200));

    suite.app.podium.app.get(ChatStages).register({
      name: 'test-spy',
      order: 15,
      handle: async ({ event }) => {
        seenLater.push(event.text);
        return 'continue';
      },
    });
    const { socket } = await connectSocket(suite.app.baseUrl, { cookie: suite.owner.client.cookie });
    suite.sockets.push(socket);
    logged = record(socket, 'moderation.logged');
  });

  it('refuses a pathological regex at save with a 400 naming the term, and stores nothing', async () => {
    const bad = moderationSettings({ type: 'delete' });
    bad.bannedTerms.terms.push({ kind: 'regex', pattern: '(a+)+$' });
    const refused = await suite.owner.client.put<{ field: string; message: string }>(
      `${ws()}/bots/moderation`,
      bad,
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      field: 'bannedTerms.terms.3.pattern',
      message: 'bannedTerms.terms.3.pattern could backtrack catastrophically',
    });
    const backreference = moderationSettings({ type: 'delete' });
    backreference.bannedTerms.terms = [{ kind: 'regex', pattern: '(a)\\1' }];
    const alsoRefused = await suite.owner.client.put<{ field: string; message: string }>(
      `${ws()}/bots/moderation`,
      backreference,
    );
    expect(alsoRefused.status).toBe(400);
    expect(alsoRefused.body.message).toMatch(/RE2/);
    expect(await suite.db.query('select 1 from bot_moderation_settings')).toHaveLength(0);
    const current = await suite.owner.client.get<ModerationSettingsDto>(`${ws()}/bots/moderation`);
    expect(current.body).toEqual(DEFAULT_MODERATION_SETTINGS);

    const saved = await suite.owner.client.put<ModerationSettingsDto>(
      `${ws()}/bots/moderation`,
      moderationSettings({ type: 'delete' }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.bannedTerms.terms).toHaveLength(3);
  });

  it('Twitch: deletes a banned message by its id, logs it once, and no later stage (nor !help) sees it', async () => {
    const banned = sayOnTwitch(PIXEL_MOTH, '!help is this a SCAM?');
    await banned.delivered;
    await until('the delete at Twitch', () => twitch.deletedMessages.length === 1, 10_000);
    expect(twitch.deletedMessages).toEqual([
      expect.objectContaining({
        broadcasterId: BROADCASTER.id,
        moderatorId: BROADCASTER.id,
        messageId: banned.messageId,
      }),
    ]);
    await processed(banned.externalId);
    await until('the log pushed', () => logged.length === 1);
    const entries = await logEntries();
    expect(entries).toEqual([
      expect.objectContaining({
        platform: 'twitch',
        connectionId: connections.twitch.id,
        viewerDisplayName: 'PixelMoth',
        messageText: '!help is this a SCAM?',
        rule: 'banned_term',
        ruleDetail: 'word "scam"',
        action: { type: 'delete' },
        outcome: 'done',
        outcomeDetail: null,
      }),
    ]);
    expect(logged).toEqual(entries);
    expect(seenLater).not.toContain('!help is this a SCAM?');
    // The same command without the banned word is answered: the commands stage is there, it just never saw the first.
    await sleep(500);
    expect(twitch.chatMessages).toHaveLength(0);
    const clean = sayOnTwitch(TIDE_WRANGLER, '!help');
    await clean.delivered;
    await until('the !help answer', () => twitch.chatMessages.length === 1, 10_000);
    expect(seenLater).toContain('!help');
    expect(twitch.deletedMessages).toHaveLength(1);
  });

  it('handles a redelivered or retried event once: one action, one log row', async () => {
    const banned = sayOnTwitch(PIXEL_MOTH, 'get free-shiny-coins here');
    const [delivery] = await banned.delivered;
    await until('the delete', () => twitch.deletedMessages.length === 2, 10_000);
    await processed(banned.externalId);
    await twitch.redeliver(delivery!);
    // The pipeline retrying the handlers (a failure elsewhere) runs the stages again on the same event.
    const event = (await eventByExternalId(banned.externalId))!.payload;
    await suite.app.podium.app.get(ChatStages).handle(event);
    await sleep(500);
    expect(twitch.deletedMessages).toHaveLength(2);
    expect(await logRows(event.id)).toHaveLength(1);
    expect((await logEntries()).filter((entry) => entry.eventId === event.id)).toHaveLength(1);
  });

  it("exempts a moderator's message", async () => {
    const said = sayOnTwitch(TIDE_WRANGLER, 'that giveaway was a scam, buy followers elsewhere', [
      { set_id: 'moderator', id: '1', info: '' },
    ]);
    await said.delivered;
    await processed(said.externalId);
    expect(seenLater).toContain('that giveaway was a scam, buy followers elsewhere');
    expect(twitch.deletedMessages).toHaveLength(2);
  });

  it('lets a link to an allowed domain (or its subdomain) pass and deletes another', async () => {
    const allowed = sayOnTwitch(PIXEL_MOTH, 'slides at docs.podium.example/night-12');
    await allowed.delivered;
    await processed(allowed.externalId);
    expect(twitch.deletedMessages).toHaveLength(2);
    const other = sayOnTwitch(PIXEL_MOTH, 'better stream at evil.com');
    await other.delivered;
    await until('the link deleted', () => twitch.deletedMessages.length === 3, 10_000);
    expect(twitch.deletedMessages[2]!.messageId).toBe(other.messageId);
    // The platform acts before the log row is written: wait for the row, not just the delete.
    await until('the link logged', async () => (await logEntries())[0]?.rule === 'link', 10_000);
    expect((await logEntries())[0]).toMatchObject({ rule: 'link', ruleDetail: 'link to evil.com' });
  });

  it('times out on Twitch with a duration (delete, then ban for N seconds)', async () => {
    expect(
      (
        await suite.owner.client.put(
          `${ws()}/bots/moderation`,
          moderationSettings({ type: 'timeout', seconds: 90 }),
        )
      ).status,
    ).toBe(200);
    const banned = sayOnTwitch(PIXEL_MOTH, 'buy   followers now');
    await banned.delivered;
    await until('the timeout at Twitch', () => twitch.bans.length === 1, 10_000);
    expect(twitch.bans[0]).toMatchObject({
      userId: PIXEL_MOTH.id,
      duration: 90,
      moderatorId: BROADCASTER.id,
    });
    expect(twitch.deletedMessages.at(-1)!.messageId).toBe(banned.messageId);
  });

  it('YouTube: deletes the message and bans its author temporarily', async () => {
    const item = youtubeTextMessage(
      { channelId: 'UCviewerFixture0000000001', displayName: 'NightOwl' },
      'total scam',
    );
    youtube.chats.post(item);
    await until('the delete at YouTube', () => youtube.deletedMessageIds().includes(item.id), 10_000);
    await until('the ban at YouTube', () => youtube.bans().length === 1, 10_000);
    expect(youtube.bans()).toEqual([
      expect.objectContaining({
        channelId: 'UCviewerFixture0000000001',
        type: 'temporary',
        durationSeconds: 90,
      }),
    ]);
    await processed(item.id);
    expect((await logEntries())[0]).toMatchObject({
      platform: 'youtube',
      viewerDisplayName: 'NightOwl',
      action: { type: 'timeout', seconds: 90 },
      outcome: 'done',
    });
  });

  it('Owncast: hides the message and says a timeout is not supported', async () => {
    const hookUrl = `${suite.app.baseUrl}${new URL(connections.owncast.webhookUrl!).pathname}`;
    const id = `t-${randomUUID().slice(0, 12)}`;
    const body: OwncastChatBody = {
      ...owncastChat,
      eventData: {
        ...owncastChat.eventData,
        id,
        user: { ...owncastChat.eventData.user, id: 'Kp3xQw7vR', displayName: 'QuietFern' },
        body: '<p>free-bitcoins here</p>',
        rawBody: 'free-bitcoins here',
      },
    };
    expect((await postOwncastWebhook(hookUrl, body, { secret: OWNCAST_SECRET })).status).toBe(200);
    await until('the hide at Owncast', () => owncast.hiddenMessageIds().includes(id), 10_000);
    await processed(id);
    expect((await logEntries())[0]).toMatchObject({
      platform: 'owncast',
      viewerDisplayName: 'QuietFern',
      outcome: 'not_supported',
      outcomeDetail: expect.stringContaining('The message was hidden'),
    });
    expect(seenLater).not.toContain('free-bitcoins here');
  });

  it('in-room: hides the line for attendees, leaves it out of the history, and silences its author', async () => {
    const { meeting } = await suite.meetingWith(newQuestionInput('poll'));
    const ada = await suite.live.attendee(meeting, 'Ada');
    const ben = await suite.live.attendee(meeting, 'Ben');
    const hidden = record(ben.socket, 'inroom.hidden');
    const fine = ok(await request(ada.socket, 'inroom.send', { text: 'hello room' }));
    const sent: InroomChatMessageDto = ok(await request(ada.socket, 'inroom.send', { text: 'what a scam' }));
    await until('the line hidden', () => hidden.length === 1, 10_000);
    expect(hidden).toEqual([{ meetingId: meeting.id, messageId: sent.id }]);
    const history = ok(await request(ben.socket, 'inroom.history', { meetingId: meeting.id }));
    expect(history.map((line) => line.id)).toContain(fine.id);
    expect(history.map((line) => line.id)).not.toContain(sent.id);
    const log = await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?platform=inroom`);
    expect(log.body.events.map((event) => event.text)).toContain('what a scam');
    await until('the hide logged', async () => (await logEntries())[0]?.platform === 'inroom', 10_000);
    expect((await logEntries())[0]).toMatchObject({
      platform: 'inroom',
      viewerDisplayName: 'Ada',
      outcome: 'done',
    });

    const refused = failed(await request(ada.socket, 'inroom.send', { text: 'sorry' }));
    expect(refused).toMatchObject({ statusCode: 403, code: 'chat.silenced' });
    // The 90 s timeout: the ack says when to try again (sockets have no Retry-After header).
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(90);
    expect(ok(await request(ben.socket, 'inroom.send', { text: 'ok then' })).text).toBe('ok then');
  });

  it('serves the log newest first, paged', async () => {
    const all = await logEntries();
    expect(all.map((entry) => entry.platform)).toEqual([
      'inroom',
      'owncast',
      'youtube',
      'twitch',
      'twitch',
      'twitch',
      'twitch',
    ]);
    const page = await suite.owner.client.get<ModerationLogPageDto>(
      `${ws()}/bots/moderation/log?limit=2&before=${all[1]!.id}`,
    );
    expect(page.body.entries.map((entry) => entry.id)).toEqual([all[2]!.id, all[3]!.id]);
    expect((await suite.owner.client.get(`${ws()}/bots/moderation/log?limit=0`)).status).toBe(400);
  });
});
