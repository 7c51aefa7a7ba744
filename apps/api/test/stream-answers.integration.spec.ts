import { randomUUID } from 'node:crypto';
import type {
  ChatEvent,
  ChatLogDto,
  ConnectionDto,
  InroomChatMessageDto,
  MeetingDto,
  ScoreEntryDto,
} from '@podium/contracts';
import { type FakeTwitch, type FakeYoutube, youtubeTextMessage } from '@podium/fakes';
import { ChatStages } from '../src/modules/bots/chat-stages';
import { useChatPlatforms } from './support/chat-platforms';
import { newMeeting, newQuestion, newQuestionInput } from './support/factories';
import { choiceIdsOf, ok, request, until } from './support/live-harness';
import {
  BOT,
  BROADCASTER,
  connectThroughOAuth,
  twitchConnection,
  twitchFixture,
} from './support/twitch-connect';
import { connectYoutube } from './support/youtube-test-bed';

interface Viewer {
  id: string;
  name: string;
}
const twitchChat = twitchFixture('notification.channel.chat.message.plain').body.event;

/**
 * Issue 5's stream-question acceptance: a quiz of a `both` meeting answered by Twitch viewers
 * (EventSub deliveries), YouTube viewers (polled chat) and in-room attendees (sockets), ending with
 * one scoreboard; the question's opening and closing announced on both platforms.
 */
describe('A quiz answered from Twitch, YouTube and the room (PostgreSQL + Redis)', () => {
  let twitch: FakeTwitch;
  let youtube: FakeYoutube;
  const { suite, platforms } = useChatPlatforms();
  beforeAll(() => {
    ({ twitch, youtube } = platforms);
  });

  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const connections = {} as Record<'twitch' | 'youtube', ConnectionDto>;

  const onTwitch = async ({ id, name }: Viewer, text: string) => {
    await twitch.deliver('channel.chat.message', {
      ...twitchChat,
      message_id: randomUUID(),
      chatter_user_id: id,
      chatter_user_login: name.toLowerCase(),
      chatter_user_name: name,
      message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] },
    });
  };
  const onYoutube = ({ id, name }: Viewer, text: string) => {
    youtube.chats.post(youtubeTextMessage({ channelId: id, displayName: name }, text));
  };
  /** Waits until every stream chat line with this text went through all the handlers. */
  const handled = (text: string, count = 1) =>
    until(
      `"${text}" handled`,
      async () => {
        const rows = await suite.db.query<{ processed_at: Date | null }>(
          `select processed_at from chat_events
            where kind = 'message' and platform <> 'inroom' and payload->>'text' = $1`,
          [text],
        );
        return rows.length === count && rows.every((row) => row.processed_at !== null);
      },
      15_000,
    );
  const answerCount = async (questionId: string) =>
    (
      await suite.db.query<{ n: number }>('select count(*)::int as n from answers where question_id = $1', [
        questionId,
      ])
    )[0]!.n;
  const attendeeNamed = async (meetingId: string, nickname: string) =>
    suite.db.query<{ id: string; platform: string | null; viewer_id: string | null }>(
      'select id, platform, viewer_id from attendees where meeting_id = $1 and nickname = $2',
      [meetingId, nickname],
    );

  const pixelMoth = { id: '581204977', name: 'PixelMoth' };
  const tideWrangler = { id: '415926535', name: 'TideWrangler' };
  const chatty = { id: '271828182', name: 'Chatty' };
  const latecomer = { id: '314159265', name: 'Latecomer' };
  const nightOwl = { id: 'UCviewerFixture0000000001', name: 'NightOwl' };
  // Same display name as the Twitch viewer: a second participant, with the platform as suffix.
  const ytPixelMoth = { id: 'UCviewerFixture0000000002', name: 'PixelMoth' };

  let meeting: MeetingDto;

  it('connects Twitch and YouTube', async () => {
    twitch.signInAs(BROADCASTER.id);
    await connectThroughOAuth(suite.app, suite.owner.client, suite.owner.workspaceId);
    twitch.signInAs(BOT.id);
    await connectThroughOAuth(suite.app, suite.owner.client, suite.owner.workspaceId, 'bot');
    connections.twitch = await twitchConnection(suite.owner.client, suite.owner.workspaceId);
    youtube.chats.goLive({ title: 'Quiz night' });
    connections.youtube = (await connectYoutube(suite.owner)).connection;
    await until('the first YouTube poll', () => youtube.chatListRequests().some((r) => r.status === 200));
    const listed = await suite.owner.client.get<ConnectionDto[]>(`${ws()}/connections`);
    expect(listed.body.map((c) => [c.platform, c.status]).sort()).toEqual(
      expect.arrayContaining([
        ['twitch', 'connected'],
        ['youtube', 'connected'],
      ]),
    );
  });

  it("keeps a meeting's chat settings, defaults first, then each field patched alone", async () => {
    meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId, {
      title: 'Capitals',
      kind: 'both',
    });
    expect(meeting.chat).toEqual({
      answers: true,
      announceOpen: true,
      announceClose: true,
      announceResults: true,
      wordCloud: 'command',
    });
    const patched = await suite.owner.client.patch<MeetingDto>(`${ws()}/meetings/${meeting.id}`, {
      chat: { wordCloud: 'any_short' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.chat).toEqual({ ...meeting.chat, wordCloud: 'any_short' });
    const refused = await suite.owner.client.patch(`${ws()}/meetings/${meeting.id}`, {
      chat: { answers: 'yes' },
    });
    expect(refused.status).toBe(400);
  });

  it('runs the quiz across the three audiences and ends with one correct scoreboard', async () => {
    const quiz = await newQuestion(
      suite.owner.client,
      meeting,
      newQuestionInput('quiz', {
        title: 'Capital of France?',
        choices: [
          { label: 'Paris', correct: true },
          { label: 'Lyon', correct: false },
          { label: 'Nice', correct: false },
        ],
        scoring: 'standard',
      }),
    );
    const [paris, lyon] = choiceIdsOf(quiz);
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-stream');
    const ana = await suite.live.attendee(meeting, 'Ana');
    const bruno = await suite.live.attendee(meeting, 'Bruno');
    const carla = await suite.live.attendee(meeting, 'Carla');

    let state = ok(await suite.live.command(org.socket, meeting.id, 'start', org.snapshot.state.version));
    state = ok(await suite.live.command(org.socket, meeting.id, 'next', state.version));
    expect(state).toMatchObject({ phase: 'question_open', question: { id: quiz.id } });

    // The opening is announced on both platforms (never in the room: phones show the question).
    const opening = 'Question 1: Capital of France? 1) Paris 2) Lyon 3) Nice — Answer with 1–3 (or !vote 2)';
    await until(
      'the opening on Twitch and YouTube',
      () =>
        twitch.chatMessages.some((m) => m.message === opening) && youtube.insertedTexts().includes(opening),
      10_000,
    );

    // Ana is first and right (2 points with the first-correct bonus); Bruno is wrong.
    expect(
      ok(await suite.live.answer(ana.socket, quiz.id, { type: 'quiz', choiceIds: [paris!] })),
    ).toBeTruthy();
    await onTwitch(pixelMoth, '1');
    await handled('1');
    await onTwitch(pixelMoth, '2'); // a second answer: the quiz does not allow changes
    await onTwitch(tideWrangler, '!vote b');
    await onTwitch(chatty, '2 cool'); // chat, not a vote
    onYoutube(nightOwl, 'A');
    onYoutube(ytPixelMoth, '3');
    expect(
      ok(await suite.live.answer(bruno.socket, quiz.id, { type: 'quiz', choiceIds: [lyon!] })),
    ).toBeTruthy();
    // Carla types the answer in the in-room chat: that is chat, not her answer.
    const line = (await request(carla.socket, 'inroom.send', { text: '1' })) as {
      ok: boolean;
      data?: InroomChatMessageDto;
    };
    expect(line.ok).toBe(true);
    await Promise.all([handled('2'), handled('!vote b'), handled('2 cool'), handled('A'), handled('3')]);
    await until('the in-room line handled', async () => {
      const rows = await suite.db.query<{ processed_at: Date | null }>(
        `select processed_at from chat_events where platform = 'inroom' and payload->>'text' = '1'`,
      );
      return rows.length === 1 && rows[0]!.processed_at !== null;
    });
    // Ana, Bruno, PixelMoth (Twitch), TideWrangler, NightOwl, PixelMoth (YouTube).
    expect(await answerCount(quiz.id)).toBe(6);
    const moth = await attendeeNamed(meeting.id, 'PixelMoth');
    expect(moth).toEqual([expect.objectContaining({ platform: 'twitch' })]);
    const [mothAnswer] = await suite.db.query<{ payload: unknown }>(
      'select payload from answers where attendee_id = $1',
      [moth[0]!.id],
    );
    expect(mothAnswer!.payload).toEqual({ type: 'quiz', choiceIds: [paris] });
    expect(await attendeeNamed(meeting.id, 'PixelMoth (YouTube)')).toEqual([
      expect.objectContaining({ platform: 'youtube' }),
    ]);
    expect(await attendeeNamed(meeting.id, 'Chatty')).toEqual([]);

    state = ok(await suite.live.command(org.socket, meeting.id, 'close', state.version));
    expect(state.phase).toBe('question_closed');
    const closing = 'Question 1 is closed. Correct answer: 1) Paris. 3 of 6 got it right.';
    await until(
      'the closing on Twitch and YouTube',
      () =>
        twitch.chatMessages.some((m) => m.message === closing) && youtube.insertedTexts().includes(closing),
      10_000,
    );

    // Too late: a closed question ignores chat, and nobody joins the board by trying.
    await onTwitch(latecomer, '1');
    await handled('1', 2);
    expect(await answerCount(quiz.id)).toBe(6);
    expect(await attendeeNamed(meeting.id, 'Latecomer')).toEqual([]);

    state = ok(await suite.live.command(org.socket, meeting.id, 'scoreboard', state.version));
    const again = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-stream-2');
    const entries = again.snapshot.scoreboard.entries.map((e: ScoreEntryDto) => ({
      nickname: e.nickname,
      total: e.total,
      platform: e.platform ?? null,
    }));
    expect(again.snapshot.scoreboard.attendeeCount).toBe(7);
    expect(entries).toEqual([
      { nickname: 'Ana', total: 2, platform: null },
      { nickname: 'NightOwl', total: 1, platform: 'youtube' },
      { nickname: 'PixelMoth', total: 1, platform: 'twitch' },
      { nickname: 'Bruno', total: 0, platform: null },
      { nickname: 'Carla', total: 0, platform: null },
      { nickname: 'PixelMoth (YouTube)', total: 0, platform: 'youtube' },
      { nickname: 'TideWrangler', total: 0, platform: 'twitch' },
    ]);
    // Each announcement once per platform, whatever the replays.
    expect(twitch.chatMessages.filter((m) => m.message === opening)).toHaveLength(1);
    expect(youtube.insertedTexts().filter((t) => t === closing)).toHaveLength(1);
  });

  it('ignores chat for meetings that are only in the room, and posts nothing about them', async () => {
    const inRoom = await newMeeting(suite.owner.client, suite.owner.workspaceId, { title: 'Room only' });
    const poll = await newQuestion(
      suite.owner.client,
      inRoom,
      newQuestionInput('poll', { title: 'Room poll?' }),
    );
    const org = await suite.live.organizer(suite.owner.client.cookie, inRoom.id, 'tab-room');
    let state = ok(await suite.live.command(org.socket, inRoom.id, 'start', org.snapshot.state.version));
    state = ok(await suite.live.command(org.socket, inRoom.id, 'next', state.version));
    expect(state.phase).toBe('question_open');
    const sentBefore = twitch.chatMessages.length;
    await onTwitch(nightOwl, '!vote 1');
    await handled('!vote 1');
    expect(await answerCount(poll.id)).toBe(0);
    expect(twitch.chatMessages.slice(sentBefore).some((m) => m.message.includes('Room poll?'))).toBe(false);
  });
  it('answers once per event: a retried event does not undo a later change of answer', async () => {
    const stream = await newMeeting(suite.owner.client, suite.owner.workspaceId, {
      title: 'Snacks',
      kind: 'stream',
    });
    const poll = await newQuestion(
      suite.owner.client,
      stream,
      newQuestionInput('poll', { title: 'Snack?', choices: [{ label: 'Chips' }, { label: 'Fruit' }] }),
    );
    const [chips, fruit] = choiceIdsOf(poll);
    const org = await suite.live.organizer(suite.owner.client.cookie, stream.id, 'tab-snacks');
    const started = ok(await suite.live.command(org.socket, stream.id, 'start', org.snapshot.state.version));
    expect(ok(await suite.live.command(org.socket, stream.id, 'next', started.version)).phase).toBe(
      'question_open',
    );
    const voter = { id: '161803398', name: 'Golden' };
    await onTwitch(voter, '!vote   1');
    await handled('!vote   1');
    await onTwitch(voter, '!vote   2');
    await handled('!vote   2');
    const payloads = () =>
      suite.db.query<{ payload: unknown }>('select payload from answers where question_id = $1', [poll.id]);
    expect(await payloads()).toEqual([{ payload: { type: 'poll', choiceIds: [fruit] } }]);

    // The pipeline retries an event whose handlers failed: here, the first vote runs again.
    const log = await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?limit=200`);
    const first = log.body.events.find(
      (e: ChatEvent) => e.text === '!vote   1' && e.viewer?.displayName === 'Golden',
    )!;
    await suite.app.podium.app.get(ChatStages).handle(first);
    expect(await payloads()).toEqual([{ payload: { type: 'poll', choiceIds: [fruit] } }]);
    expect(chips).not.toBe(fruit);
  });
});
