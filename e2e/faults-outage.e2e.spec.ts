import { randomBytes } from 'node:crypto';
import type {
  ApiErrorDto,
  HealthDto,
  JoinedMeetingDto,
  MeDto,
  MeetingDto,
  QuestionDto,
} from '@podium/contracts';
import { connectLive, type LiveSocket, ok, record, request } from './support/live-sockets';
import {
  type PrivatePostgres,
  type PrivateRedis,
  startPrivatePostgres,
  startPrivateRedis,
} from './support/private-services';
import { newDataDir, type RunningServer, startServer } from './support/server';

/** How long Redis stays down (the issue says 30 s; a shorter value speeds up local runs). */
const REDIS_OUTAGE_MS = Number(process.env['FAULTS_REDIS_OUTAGE_MS'] ?? 30_000);
/** How long PostgreSQL stays down between its fast stop and its start. */
const POSTGRES_OUTAGE_MS = Number(process.env['FAULTS_POSTGRES_OUTAGE_MS'] ?? 3_000);
/** The housekeeping job's period: shows that scheduled jobs run again after Redis comes back. */
const HOUSEKEEPING_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await sleep(200);
  }
}

interface Reply<T> {
  status: number;
  body: T;
}

/**
 * Redis stopped for 30 s and started again (empty, as a cache-only Redis comes back), then
 * PostgreSQL restarted: both api processes stay up, /api/health names the part that is down,
 * writes are refused with 503 `database.unavailable` while the database is away, and everything
 * recovers without touching the api. A private Redis and PostgreSQL: the machine's stay untouched.
 */
describe('faults: Redis and PostgreSQL outages', () => {
  let redis: PrivateRedis;
  let postgres: PrivatePostgres;
  let a: RunningServer;
  let b: RunningServer;
  let cookie = '';
  let workspaceId = '';
  let meeting: MeetingDto;
  let polls: QuestionDto[] = [];
  let organizer: LiveSocket;
  const attendees: { joined: JoinedMeetingDto; socket: LiveSocket }[] = [];

  async function call<T>(server: RunningServer, method: string, path: string, body?: unknown) {
    // Probes (a load balancer, the image's health check) carry no session: neither does this one.
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (cookie && path !== '/api/health') headers['cookie'] = cookie;
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((error: unknown) => {
      // The process is gone: show how it ended rather than a bare "fetch failed".
      throw new Error(
        `${server.url} does not answer (${String(error)}); its output ends with:\n${server.output().slice(-4000)}`,
      );
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('podium_session='));
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T } as Reply<T>;
  }
  const health = (server: RunningServer) => call<HealthDto>(server, 'GET', '/api/health');
  const meetingPath = () => `/api/workspaces/${workspaceId}/meetings`;

  async function joinAttendee(server: RunningServer, nickname: string) {
    const joined = await call<JoinedMeetingDto>(server, 'POST', '/api/join', {
      code: meeting.joinCode,
      nickname,
    });
    expect(joined.status).toBe(201);
    const socket = await connectLive(server.url, { attendeeToken: joined.body.attendeeToken });
    ok(await request(socket, 'meeting.join', { meetingId: meeting.id }));
    const attendee = { joined: joined.body, socket };
    attendees.push(attendee);
    return attendee;
  }
  /** Votes on the question that is open: the first one, then the second after the Redis outage. */
  let open = 0;
  const vote = (socket: LiveSocket, choice: 0 | 1) => {
    const poll = polls[open]!;
    return request(socket, 'answer.submit', {
      questionId: poll.id,
      answer: { type: 'poll', choiceIds: [poll.type === 'poll' ? poll.choices[choice]!.id : ''] },
    });
  };
  const answerCount = async () =>
    Number((await postgres.query('select count(*)::int as n from answers'))[0]!['n']);

  /** Neither process died nor logged an unhandled rejection or exception. */
  function expectNoCrash(): void {
    for (const server of [a, b]) {
      expect(server.output()).not.toMatch(/unhandled|uncaught|Podium failed|exited with/i);
    }
  }

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startPrivateRedis(), startPrivatePostgres()]);
    const env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `podium_faults_${randomBytes(4).toString('hex')}`,
      HOUSEKEEPING_EVERY_MS: String(HOUSEKEEPING_MS),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    };
    // One after the other: the second waits on the first's migrations anyway.
    a = await startServer({ ...env, DATA_DIR: newDataDir() });
    b = await startServer({ ...env, DATA_DIR: newDataDir() });

    const me = await call<MeDto>(a, 'POST', '/api/setup', {
      email: 'host@example.org',
      password: 'a long enough passphrase',
      displayName: 'Host',
      workspaceName: 'Faults',
    });
    expect(me.status).toBe(201);
    workspaceId = me.body.memberships[0]!.workspaceId;
    meeting = (await call<MeetingDto>(a, 'POST', meetingPath(), { title: 'Before the faults' })).body;
    const question = (title: string) =>
      call<QuestionDto>(a, 'POST', `${meetingPath()}/${meeting.id}/questions`, {
        type: 'poll',
        title,
        choices: [{ label: 'Tea' }, { label: 'Coffee' }],
        multiple: false,
      });
    polls = [(await question('Tea or coffee?')).body, (await question('And after the outage?')).body];

    // The organizer drives the meeting from replica B; attendees sit on replica A.
    organizer = await connectLive(b.url, { cookie });
    const snapshot = ok(
      await request(organizer, 'meeting.join', { meetingId: meeting.id, clientId: 'faults-dashboard' }),
    );
    let state = ok(
      await request(organizer, 'meeting.command', {
        meetingId: meeting.id,
        command: 'start',
        expectedVersion: snapshot.state.version,
      }),
    );
    state = ok(await request(organizer, 'meeting.command', { meetingId: meeting.id, command: 'next' }));
    expect(state).toMatchObject({ phase: 'question_open', question: { id: polls[0]!.id } });
    for (const nickname of ['Ada', 'Ben']) {
      const { socket } = await joinAttendee(a, nickname);
      ok(await vote(socket, nickname === 'Ada' ? 0 : 1));
    }
    expect(await answerCount()).toBe(2);
  }, 90_000);

  afterAll(async () => {
    organizer?.close();
    for (const { socket } of attendees) socket.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([redis?.stop(), postgres?.destroy()]);
  });

  it('keeps serving while Redis is down, names it in /api/health, and recovers unattended', async () => {
    const stoppedAt = Date.now();
    await redis.stop();

    for (const server of [a, b]) {
      const down = await until(
        'health to name redis',
        () => health(server),
        (r) => r.status === 503,
      );
      expect(down.body).toMatchObject({
        status: 'degraded',
        degraded: ['redis'],
        database: { state: 'up' },
        redis: { state: 'down' },
      });
    }
    // Reads and database writes go on; pushes reach the sockets of the replica that emits them.
    const read = await call<MeetingDto>(a, 'GET', `${meetingPath()}/${meeting.id}`);
    expect(read.status).toBe(200);
    expect(read.body.questions).toHaveLength(2);
    const late = await joinAttendee(a, 'Cy');
    ok(await vote(late.socket, 0));
    expect(await answerCount()).toBe(3);

    await sleep(Math.max(0, REDIS_OUTAGE_MS - (Date.now() - stoppedAt)));
    const restartedAt = new Date();
    await redis.start();

    for (const server of [a, b]) {
      const up = await until(
        'health to be ok again',
        () => health(server),
        (r) => r.status === 200,
        30_000,
      );
      expect(up.body).toMatchObject({ status: 'ok', degraded: [], redis: { state: 'up' } });
    }
    // Broadcasts cross replicas again: B's command reaches the attendees on A.
    const pushed = record(attendees[0]!.socket, 'meeting.state');
    const command = (name: 'close' | 'next') =>
      until(
        `${name} to go through`,
        () => request(organizer, 'meeting.command', { meetingId: meeting.id, command: name }),
        (ack) => ack.ok,
      );
    ok(await command('close'));
    const { version } = ok(await command('next'));
    open = 1;
    await until(
      'the push on the other replica',
      async () => pushed,
      (p) => p.some((s) => s.version === version),
    );
    // Scheduled jobs run again (Redis came back empty: the schedules were laid down again).
    await until(
      'a housekeeping run after the restart',
      () =>
        postgres.query(
          `select count(*)::int as n from job_runs
           where job_name = 'auth.purgeExpiredSessions' and outcome = 'succeeded' and started_at > $1`,
          [restartedAt],
        ),
      (rows) => Number(rows[0]!['n']) >= 2,
    );
    expect(await answerCount()).toBe(3);
    expectNoCrash();
  }, 120_000);

  it('refuses writes with 503 while PostgreSQL restarts, then accepts them again unattended', async () => {
    const meetingsBefore = (await call<MeetingDto[]>(a, 'GET', meetingPath())).body.length;
    await postgres.stop();

    for (const server of [a, b]) {
      const down = await until(
        'health to name the database',
        () => health(server),
        (r) => r.status === 503,
      );
      expect(down.body).toMatchObject({
        status: 'degraded',
        degraded: ['database'],
        database: { state: 'down' },
        redis: { state: 'up' },
      });
    }
    const refused = await call<ApiErrorDto>(a, 'POST', meetingPath(), { title: 'During the outage' });
    expect(refused).toEqual({
      status: 503,
      body: expect.objectContaining({ statusCode: 503, code: 'database.unavailable' }),
    });
    expect(JSON.stringify(refused.body)).not.toMatch(/ECONNREFUSED|stack|at /);
    const refusedVote = await vote(attendees[1]!.socket, 0);
    expect(refusedVote).toMatchObject({
      ok: false,
      error: { statusCode: 503, code: 'database.unavailable' },
    });

    await sleep(POSTGRES_OUTAGE_MS);
    await postgres.start();

    for (const server of [a, b]) {
      await until(
        'health to be ok again',
        () => health(server),
        (r) => r.status === 200,
        30_000,
      );
    }
    const created = await until(
      'a write to succeed',
      () => call<MeetingDto>(b, 'POST', meetingPath(), { title: 'After the outage' }),
      (r) => r.status !== 503,
    );
    expect(created.status).toBe(201);
    const meetings = (await call<MeetingDto[]>(a, 'GET', meetingPath())).body;
    expect(meetings.map((m) => m.title).sort()).toEqual(['After the outage', 'Before the faults']);
    expect(meetings).toHaveLength(meetingsBefore + 1);
    // Everything accepted before the faults is still there, and the open sockets work again.
    expect(await answerCount()).toBe(3);
    ok(await vote(attendees[1]!.socket, 1));
    expect(await answerCount()).toBe(4);
    expectNoCrash();
  }, 120_000);
});
