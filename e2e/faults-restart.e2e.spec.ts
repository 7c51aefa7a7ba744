import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { LedgerPageDto } from '@podium/contracts';
import { Client } from 'pg';
import { createDatabase, REDIS_URL } from './support/database';
import { Attendee, Organizer, sleep, until } from './support/live-clients';
import { PAYOUT_RUNNING_SQL, seedPresentViewers } from './support/points-seed';
import { freePort, newDataDir, type RunningServer, startServer } from './support/server';

/** Enough present viewers for the payout statement to run for a second or more (see bench/). */
const VIEWERS = Number(process.env['FAULTS_CYCLE_VIEWERS'] ?? 40_000);
const POINTS = 7;
const ATTENDEES = 6;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

describe('the whole api killed (-9) and restarted mid-meeting and mid-cycle', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let pg: Client;
  let server: RunningServer | undefined;
  let organizer: Organizer | undefined;
  const attendees: Attendee[] = [];

  beforeAll(async () => {
    db = await createDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    for (const attendee of attendees) attendee.close();
    organizer?.close();
    await server?.stop();
    await pg?.end();
    await db?.drop();
  });

  const count = async (sql: string) => Number((await pg.query<{ n: number }>(sql)).rows[0]!.n);

  it('resumes the meeting at the same question and pays the interrupted cycle exactly once', async () => {
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: `podium_e2e_${randomBytes(4).toString('hex')}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      DATA_DIR: newDataDir(),
      // Same address after the restart, so clients come back by themselves.
      PORT: String(await freePort()),
      POINTS_CYCLE_TICK_MS: '500',
    };
    server = await startServer(env);
    const url = server.url;

    // A quiz with phones on it, at question 2 with half the answers in.
    organizer = new Organizer(url);
    await organizer.setUp();
    const { meeting, questions } = await organizer.quizMeeting(3);
    await organizer.open(url, meeting.id);
    await organizer.command(meeting.id, 'start');
    for (let i = 0; i < ATTENDEES; i += 1) attendees.push(new Attendee(`Phone ${i + 1}`));
    await Promise.all(attendees.map((a) => a.join(url, meeting.joinCode)));
    await Promise.all(attendees.map((a) => a.connect(url)));
    const right = (q: number) => {
      const question = questions[q]!;
      if (question.type !== 'quiz') throw new Error('quiz expected');
      return question.choices[0]!.id;
    };
    await organizer.command(meeting.id, 'next');
    for (const attendee of attendees) await attendee.answer(questions[0]!.id, right(0));
    await organizer.command(meeting.id, 'close');
    await organizer.command(meeting.id, 'next');
    const before = attendees.slice(0, ATTENDEES / 2);
    for (const attendee of before) await attendee.answer(questions[1]!.id, right(1));

    // Many present viewers; cycles switched on only once they are seeded.
    const settings = `/api/workspaces/${organizer.workspaceId}/points/settings`;
    await organizer.http('PUT', settings, { cyclesEnabled: false });
    await seedPresentViewers(db.url, organizer.workspaceId, VIEWERS);
    await organizer.http('PUT', settings, {
      cyclesEnabled: true,
      pointsPerCycle: POINTS,
      // One cycle a day: the restart cannot cross into the next cycle.
      cycleMinutes: 24 * 60,
      presenceWindowMinutes: 60,
    });

    // kill -9 while the payout statement runs.
    await until('the payout to start', async () => (await count(PAYOUT_RUNNING_SQL)) > 0, 30_000);
    const killedAt = Date.now();
    expect((await server.kill('SIGKILL')).signal).toBe('SIGKILL');
    // PostgreSQL finishes the orphaned statement, finds the client gone and rolls back.
    await until('the orphaned payout to end', async () => (await count(PAYOUT_RUNNING_SQL)) === 0, 60_000);
    expect(await count(`SELECT count(*)::int AS n FROM points_cycles`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM points_balances`)).toBe(0);
    console.log(`killed mid-payout of ${VIEWERS} viewers; nothing committed; load ${load()}`);

    server = await startServer(env);
    const restartedAt = Date.now();
    console.log(`restarted in ${restartedAt - killedAt} ms; load ${load()}`);

    // The phones reconnect by themselves and find the same question open, their answers kept.
    for (const [i, attendee] of attendees.entries()) {
      const { snapshot } = await attendee.snapshotAfter(restartedAt, 15_000);
      expect(snapshot.state.phase).toBe('question_open');
      expect(snapshot.state.question?.id).toBe(questions[1]!.id);
      expect(snapshot.myAnswer).toEqual(i < ATTENDEES / 2 ? { type: 'quiz', choiceIds: [right(1)] } : null);
    }
    // The dashboard goes on from there.
    await until('the dashboard back', () => organizer!.socket?.connected === true, 15_000);
    for (const attendee of attendees.slice(ATTENDEES / 2)) await attendee.answer(questions[1]!.id, right(1));
    await organizer.command(meeting.id, 'close');
    const next = await organizer.command(meeting.id, 'next');
    expect(next.question?.id).toBe(questions[2]!.id);

    // The interrupted cycle is paid once, by the restarted process, and not again on later ticks.
    await until(
      'the cycle paid',
      async () => (await count(`SELECT count(*)::int AS n FROM points_cycles`)) === 1,
      60_000,
    );
    await sleep(2_000);
    expect(await count(`SELECT count(*)::int AS n FROM points_cycles`)).toBe(1);
    const [cycle] = (
      await pg.query<{ paid_viewers: number; points: number }>(
        `SELECT paid_viewers, points FROM points_cycles`,
      )
    ).rows;
    expect(cycle).toEqual({ paid_viewers: VIEWERS, points: POINTS });
    // Every balance moved once: by the cycle's points, never twice.
    const balances = await pg.query<{ viewers: number; low: string; high: string }>(
      `SELECT count(*)::int AS viewers, min(balance)::text AS low, max(balance)::text AS high FROM points_balances`,
    );
    expect(balances.rows[0]).toEqual({ viewers: VIEWERS, low: String(POINTS), high: String(POINTS) });
    // And a viewer's history, as the admin shows it, holds that one payout.
    const sampled = await pg.query<{ id: string }>(`SELECT id FROM viewers ORDER BY id LIMIT 3`);
    for (const { id } of sampled.rows) {
      const history = await organizer.http<LedgerPageDto>(
        'GET',
        `/api/workspaces/${organizer.workspaceId}/points/viewers/${id}/history`,
      );
      expect(history.entries.map((e) => [e.reason, e.amount, e.balanceAfter])).toEqual([
        ['watch', POINTS, POINTS],
      ]);
    }
    console.log(`cycle paid once after the restart: ${VIEWERS} × ${POINTS}; load ${load()}`);
  });
});
