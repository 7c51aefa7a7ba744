import type { CreatedOverlayTokenDto, FlagDto, MeetingCommand } from '@podium/contracts';
import { newMeeting, newMember, newQuestion, newQuestionInput } from './support/factories';
import { choiceIdsOf, failed, ok, record, request, sleep, until } from './support/live-harness';
import { connectSocket, nextEvent, type TestSocket } from './support/sockets';
import { useTestSuite } from './support/test-suite';

describe('live control, versions, flags and overlays (PostgreSQL, Redis)', () => {
  const suite = useTestSuite({ redis: true });

  it('gives control to one dashboard tab; others are read-only until they take it over', async () => {
    const { meeting } = await suite.meetingWith(newQuestionInput('poll'), newQuestionInput('poll'));
    const moderator = await newMember(suite.owner.client, suite.owner.workspaceId, 'moderator');
    const viewer = await newMember(suite.owner.client, suite.owner.workspaceId, 'viewer');
    const a = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-a');
    expect(a.snapshot.control).toMatchObject({
      controllerClientId: 'tab-a',
      controllerUserId: suite.owner.me.user.id,
    });
    const b = await suite.live.organizer(moderator.client.cookie, meeting.id, 'tab-b');
    expect(b.snapshot).toMatchObject({ canControl: true, control: { controllerClientId: 'tab-a' } });
    const v = await suite.live.organizer(viewer.client.cookie, meeting.id, 'tab-v');
    expect(v.snapshot).toMatchObject({ canControl: false, control: { controllerClientId: 'tab-a' } });

    expect(failed(await suite.live.command(b.socket, meeting.id, 'start'))).toMatchObject({
      statusCode: 403,
      code: 'meeting.not_in_control',
    });
    expect(failed(await suite.live.command(v.socket, meeting.id, 'start')).statusCode).toBe(403);
    const viewerTake = await request(v.socket, 'meeting.takeControl', {
      meetingId: meeting.id,
      clientId: 'tab-v',
    });
    expect(failed(viewerTake).statusCode).toBe(403);
    expect(await suite.live.liveVersion(meeting.id)).toBe(0);

    const told = nextEvent(a.socket, 'meeting.control');
    const taken = ok(
      await request(b.socket, 'meeting.takeControl', { meetingId: meeting.id, clientId: 'tab-b' }),
    );
    expect(taken).toMatchObject({
      controllerClientId: 'tab-b',
      controllerUserId: moderator.me.user.id,
      controllerName: moderator.me.user.displayName,
    });
    expect(await told).toEqual(taken);
    expect(failed(await suite.live.command(a.socket, meeting.id, 'start')).code).toBe(
      'meeting.not_in_control',
    );
    ok(await suite.live.command(b.socket, meeting.id, 'start'));

    // The controlling tab goes away: control is free again, and the next tab to open the meeting takes it.
    const released = nextEvent(a.socket, 'meeting.control');
    b.socket.close();
    expect(await released).toMatchObject({ controllerClientId: null, controllerUserId: null });
    const again = ok(await request(a.socket, 'meeting.join', { meetingId: meeting.id, clientId: 'tab-a' }));
    expect(again).toMatchObject({ audience: 'organizer', control: { controllerClientId: 'tab-a' } });
    ok(await suite.live.command(a.socket, meeting.id, 'next'));
  });

  it('refuses stale and illegal commands without changing anything; a client resyncs with meeting.join', async () => {
    const { meeting } = await suite.meetingWith(newQuestionInput('slide'), newQuestionInput('poll'));
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-v');
    const phone = await suite.live.attendee(meeting);
    const phoneStates = record(phone.socket, 'meeting.state');
    const started = ok(await suite.live.command(org.socket, meeting.id, 'start', 0));

    // A double click: both carry the same expected version, only one transition happens.
    const clicks = await Promise.all([
      suite.live.command(org.socket, meeting.id, 'next', started.version),
      suite.live.command(org.socket, meeting.id, 'next', started.version),
    ]);
    expect(clicks.map((ack) => (ack.ok ? 'ok' : ack.error.code)).sort()).toEqual([
      'meeting.version_conflict',
      'ok',
    ]);
    expect(await suite.live.liveVersion(meeting.id)).toBe(started.version + 1);

    const illegal = failed(await suite.live.command(org.socket, meeting.id, 'results'));
    expect(illegal).toMatchObject({ statusCode: 409, code: 'meeting.illegal_transition' });
    expect(illegal.message).toMatch(/Close the question first/);
    expect(await suite.live.liveVersion(meeting.id)).toBe(started.version + 1);
    await until('the phone to see the slide', () => phoneStates.length === 2);

    // The phone misses two transitions (it left), then resyncs from a snapshot.
    phone.socket.emit('meeting.leave', { meetingId: meeting.id });
    await sleep(100);
    ok(await suite.live.command(org.socket, meeting.id, 'next'));
    const last = ok(await suite.live.command(org.socket, meeting.id, 'close'));
    await sleep(200);
    expect(phoneStates).toHaveLength(2);
    const resynced = ok(await request(phone.socket, 'meeting.join', { meetingId: meeting.id }));
    expect(resynced.state).toMatchObject({
      version: last.version,
      phase: 'question_closed',
      questionIndex: 1,
    });
    const next = nextEvent(phone.socket, 'meeting.state');
    const ended = ok(await suite.live.command(org.socket, meeting.id, 'end'));
    expect(await next).toMatchObject({ version: resynced.state.version + 1, phase: 'after' });
    expect(ended.phase).toBe('after');
  });

  it('captures a flag once, adds its points, and limits wrong tries', async () => {
    const { meeting } = await suite.meetingWith(newQuestionInput('poll'));
    const elsewhere = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const createFlag = async (code: string, meetingId: string | null) => {
      const created = await suite.owner.client.post<FlagDto>(
        `/api/workspaces/${suite.owner.workspaceId}/flags`,
        {
          name: `Flag ${code}`,
          code,
          points: 50,
          meetingId,
        },
      );
      expect(created.status).toBe(201);
      return created.body;
    };
    await createFlag('GOLD-1', meeting.id);
    await createFlag('OTHER-1', elsewhere.id);
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id);
    const scoreboards = record(org.socket, 'meeting.scoreboard');
    const finder = await suite.live.attendee(meeting, 'Finder');
    const guesser = await suite.live.attendee(meeting, 'Guesser');
    const capture = (socket: TestSocket, code: string) => request(socket, 'flag.capture', { code });

    const found = ok(await capture(finder.socket, '  gold-1 '));
    expect(found).toMatchObject({
      flagName: 'Flag GOLD-1',
      points: 50,
      me: { attendeeId: finder.joined.attendee.id, total: 50, rank: 1, attendeeCount: 2 },
    });
    expect(failed(await capture(finder.socket, 'GOLD-1'))).toMatchObject({
      statusCode: 409,
      code: 'flag.already_captured',
    });
    await until('the scoreboard push', () => scoreboards.length > 0);
    expect(scoreboards.at(-1)!.scoreboard.entries[0]).toMatchObject({
      nickname: 'Finder',
      flagPoints: 50,
      total: 50,
    });

    // A flag of another meeting is a wrong code here. Five wrong tries, then even a right one waits.
    for (const code of ['NOPE-1', 'NOPE-2', 'OTHER-1', 'NOPE-3', 'NOPE-4']) {
      expect(failed(await capture(guesser.socket, code))).toMatchObject({
        statusCode: 404,
        code: 'flag.wrong_code',
      });
    }
    expect(failed(await capture(guesser.socket, 'GOLD-1'))).toMatchObject({
      statusCode: 429,
      code: 'flag.too_many_attempts',
    });
    const captures = await suite.db.query('select * from flag_captures where meeting_id = $1', [meeting.id]);
    expect(captures).toHaveLength(1);
  });

  it('lets an overlay follow the live meeting of its workspace', async () => {
    const stage = await suite.owner.client.post<{ id: string }>('/api/workspaces', { name: 'Stage' });
    const workspaceId = stage.body.id;
    const token = await suite.owner.client.post<CreatedOverlayTokenDto>(
      `/api/workspaces/${workspaceId}/overlay-tokens`,
      { label: 'OBS' },
    );
    const { socket: overlay } = await connectSocket(suite.app.baseUrl, { overlayToken: token.body.token });
    suite.live.sockets.push(overlay);
    expect(failed(await request(overlay, 'meeting.join', { meetingId: 'live' }))).toMatchObject({
      statusCode: 404,
      code: 'meeting.not_live',
    });

    const meeting = await newMeeting(suite.owner.client, workspaceId);
    const quiz = await newQuestion(suite.owner.client, meeting, newQuestionInput('quiz'));
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-stage');
    const changed = nextEvent(overlay, 'meeting.changed');
    ok(await suite.live.command(org.socket, meeting.id, 'start'));
    // Followers of "live" hear that a meeting started, and re-join.
    expect(await changed).toEqual({ meetingId: meeting.id });
    const snapshot = ok(await request(overlay, 'meeting.join', { meetingId: 'live' }));
    expect(snapshot).toMatchObject({
      audience: 'overlay',
      state: { meetingId: meeting.id, phase: 'waiting' },
      results: null,
      scoreboard: { meetingId: meeting.id, attendeeCount: 0, entries: [] },
    });
    const states = record(overlay, 'meeting.state');
    const opened = ok(await suite.live.command(org.socket, meeting.id, 'next'));
    await until('the state push', () => states.some((state) => state.version === opened.version));
    expect(states.at(-1)!.question).toMatchObject({
      id: quiz.id,
      choices: [{ label: 'Paris' }, { label: 'Lyon' }],
    });
    expect(JSON.stringify(states.at(-1))).not.toContain('correct');

    const foreign = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    expect(failed(await request(overlay, 'meeting.join', { meetingId: foreign.id }))).toMatchObject({
      statusCode: 404,
      code: 'meeting.not_found',
    });
  });

  it('validates payloads and audiences', async () => {
    const { meeting, questions } = await suite.meetingWith(newQuestionInput('poll'));
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-x');
    const phone = await suite.live.attendee(meeting);
    const bad = failed(await suite.live.command(org.socket, meeting.id, 'jump' as MeetingCommand));
    expect(bad).toMatchObject({ statusCode: 400, code: 'validation.failed', field: 'command' });
    expect(failed(await suite.live.command(phone.socket, meeting.id, 'start'))).toMatchObject({
      statusCode: 403,
      code: 'live.wrong_audience',
    });
    const notOpen = failed(
      await suite.live.answer(phone.socket, questions[0]!.id, {
        type: 'poll',
        choiceIds: [choiceIdsOf(questions[0]!)[0]!],
      }),
    );
    expect(notOpen.code).toBe('answer.question_not_open');
    const other = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const foreign = failed(await request(phone.socket, 'meeting.join', { meetingId: other.id }));
    expect(foreign).toMatchObject({ statusCode: 404, code: 'meeting.not_found' });
    expect(await suite.live.liveVersion(meeting.id)).toBe(0);
  });
});
