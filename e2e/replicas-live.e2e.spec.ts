import type {
  CreatedOverlayTokenDto,
  JoinedMeetingDto,
  LiveStateDto,
  MeDto,
  MeetingDto,
  MeetingSnapshotDto,
  QuestionDto,
  QuestionResultsDto,
} from '@podium/contracts';
import {
  type Cluster,
  connectLive,
  request,
  type LiveSocket,
  ok,
  record,
  Session,
  startCluster,
  until,
} from './support/replicas';

type OrganizerSnapshot = Extract<MeetingSnapshotDto, { audience: 'organizer' }>;

/**
 * Three built api processes (A, B, C) on one PostgreSQL database and one Redis prefix, as behind a
 * load balancer that sends each client to a different one: the meeting is the same on all of them.
 */
describe('a live meeting across three replicas (built server, PostgreSQL, Redis, Socket.IO)', () => {
  let cluster: Cluster;
  const [A, B, C] = [0, 1, 2].map((i) => () => cluster.urls[i]!) as [
    () => string,
    () => string,
    () => string,
  ];
  const owner = new Session();
  const sockets: LiveSocket[] = [];
  let workspaceId = '';

  const track = async (socket: Promise<LiveSocket>) => {
    sockets.push(await socket);
    return sockets.at(-1)!;
  };
  /** A meeting with one poll, built over HTTP on replica `at`. */
  async function pollMeeting(at: string): Promise<{ meeting: MeetingDto; question: QuestionDto }> {
    const base = `/api/workspaces/${workspaceId}/meetings`;
    const meeting = await owner.call<MeetingDto>(at, 'POST', base, { title: 'Replica quiz' });
    const question = await owner.call<QuestionDto>(at, 'POST', `${base}/${meeting.id}/questions`, {
      type: 'poll',
      title: 'Lunch?',
      choices: [{ label: 'Pizza' }, { label: 'Salad' }],
      multiple: false,
    });
    return { meeting, question };
  }
  /** An organizer dashboard tab `clientId` on replica `at`. */
  async function dashboard(at: string, meetingId: string, clientId: string) {
    const socket = await track(connectLive(at, { cookie: owner.cookie }));
    const snapshot = ok(await request(socket, 'meeting.join', { meetingId, clientId })) as OrganizerSnapshot;
    return { socket, snapshot };
  }

  beforeAll(async () => {
    cluster = await startCluster(3);
    const me = await owner.call<MeDto>(A(), 'POST', '/api/setup', {
      email: 'host@example.org',
      password: 'a long enough passphrase',
      displayName: 'Host',
      workspaceName: 'Replicas',
    });
    workspaceId = me.memberships[0]!.workspaceId;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await cluster?.stop();
  });

  it('an attendee on A, the organizer on B and an overlay on C see the same poll and the same vote', async () => {
    const { meeting, question } = await pollMeeting(B());
    const [pizza, salad] = question.type === 'poll' ? question.choices.map((c) => c.id) : [];

    const organizer = await dashboard(B(), meeting.id, 'tab-b');
    expect(organizer.snapshot.control.controllerClientId).toBe('tab-b');
    const dashboardResults = record(organizer.socket, 'meeting.results');
    ok(await request(organizer.socket, 'meeting.command', { meetingId: meeting.id, command: 'start' }));

    const joined = await owner.call<JoinedMeetingDto>(A(), 'POST', '/api/join', {
      code: meeting.joinCode,
      nickname: 'Ada',
    });
    const phone = await track(connectLive(A(), { attendeeToken: joined.attendeeToken }));
    const phoneStates = record(phone, 'meeting.state');
    ok(await request(phone, 'meeting.join', { meetingId: meeting.id }));

    const { token } = await owner.call<CreatedOverlayTokenDto>(
      C(),
      'POST',
      `/api/workspaces/${workspaceId}/overlay-tokens`,
      { label: 'OBS on C' },
    );
    const overlay = await track(connectLive(C(), { overlayToken: token }));
    const overlayResults = record(overlay, 'meeting.results');
    const shown = ok(await request(overlay, 'meeting.join', { meetingId: 'live' }));
    expect(shown.state.meetingId).toBe(meeting.id);

    // B opens the poll; A's phone sees it through Redis and votes there.
    ok(await request(organizer.socket, 'meeting.command', { meetingId: meeting.id, command: 'next' }));
    const isOpen = (s: LiveStateDto) => s.phase === 'question_open' && s.question?.id === question.id;
    await until('the poll on the phone (A)', () => phoneStates.some(isOpen));
    const voted = ok(
      await request(phone, 'answer.submit', {
        questionId: question.id,
        answer: { type: 'poll', choiceIds: [pizza!] },
      }),
    );
    expect(voted.myAnswer).toEqual({ type: 'poll', choiceIds: [pizza] });

    // The dashboard (B) and the overlay (C) get results counting that one vote.
    const countsTheVote = (r: QuestionResultsDto | undefined) =>
      r?.type === 'poll' && r.questionId === question.id && r.answered === 1 && r.counts[pizza!] === 1;
    await until('the vote on the dashboard (B)', () => countsTheVote(dashboardResults.at(-1)?.results));
    await until('the vote on the overlay (C)', () => countsTheVote(overlayResults.at(-1)?.results));
    for (const results of [dashboardResults.at(-1)!.results, overlayResults.at(-1)!.results]) {
      expect(results).toMatchObject({ answered: 1, counts: { [pizza!]: 1, [salad!]: 0 } });
    }
    // …and the vote is stored once.
    await expect(
      cluster.db.query(`select count(*)::int as n from answers where question_id = '${question.id}'`),
    ).resolves.toEqual([{ n: 1 }]);
  });

  it("holds the organizer's controller lock across replicas: C waits while B drives, takes it once B leaves", async () => {
    const { meeting } = await pollMeeting(A());
    const b = await dashboard(B(), meeting.id, 'tab-b');
    expect(b.snapshot.control.controllerClientId).toBe('tab-b');

    // A second tab on C opens read-only: it may control (owner) but does not hold control.
    const c = await dashboard(C(), meeting.id, 'tab-c');
    expect(c.snapshot).toMatchObject({ canControl: true, control: { controllerClientId: 'tab-b' } });
    const refused = await request(c.socket, 'meeting.command', { meetingId: meeting.id, command: 'start' });
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 403, code: 'meeting.not_in_control' } });
    ok(await request(b.socket, 'meeting.command', { meetingId: meeting.id, command: 'start' }));

    // B's tab closes: its replica frees control and C hears it through Redis.
    const toldC = record(c.socket, 'meeting.control');
    b.socket.close();
    await until('C told that control is free', () => toldC.some((t) => t.controllerClientId === null));
    const rejoined = ok(
      await request(c.socket, 'meeting.join', { meetingId: meeting.id, clientId: 'tab-c' }),
    ) as OrganizerSnapshot;
    expect(rejoined.control.controllerClientId).toBe('tab-c');
    ok(await request(c.socket, 'meeting.command', { meetingId: meeting.id, command: 'next' }));

    // A tab on A takes over explicitly (the documented way); C, on another replica, loses it at once.
    const a = await dashboard(A(), meeting.id, 'tab-a');
    expect(a.snapshot.control.controllerClientId).toBe('tab-c');
    const taken = ok(
      await request(a.socket, 'meeting.takeControl', { meetingId: meeting.id, clientId: 'tab-a' }),
    );
    expect(taken.controllerClientId).toBe('tab-a');
    await until('C told it lost control', () => toldC.some((t) => t.controllerClientId === 'tab-a'));
    const late = await request(c.socket, 'meeting.command', { meetingId: meeting.id, command: 'close' });
    expect(late).toMatchObject({ ok: false, error: { code: 'meeting.not_in_control' } });
    const closed = ok(
      await request(a.socket, 'meeting.command', { meetingId: meeting.id, command: 'close' }),
    );
    expect(closed.phase).toBe('question_closed');
  });
});
