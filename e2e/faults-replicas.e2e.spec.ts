import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { QuestionDto } from '@podium/contracts';
import { createDatabase, REDIS_URL } from './support/database';
import { Attendee, type AnswerOutcome, Organizer, until } from './support/live-clients';
import { newDataDir, type RunningServer, startServer } from './support/server';
import { TcpProxy } from './support/tcp-proxy';

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

const ATTENDEES = Number(process.env['FAULTS_ATTENDEES'] ?? 30);
const RESYNC_LIMIT_MS = 5_000;

/** Who answers what: the first attendee named answers first and right (the +1 bonus), the rest after. */
interface Round {
  first: number;
  right: (i: number) => boolean;
}
const ROUNDS: Round[] = [
  { first: 0, right: (i) => i % 3 !== 0 },
  { first: 1, right: (i) => i % 2 === 0 },
  { first: 2, right: (i) => i % 5 !== 0 },
];

/** Scores computed from the answers sent, by the house rules: 1 per right answer, +1 for the first. */
function expectedTotals(attendees: readonly Attendee[]): Map<string, number> {
  const totals = new Map(attendees.map((a) => [a.id, 0]));
  for (const round of ROUNDS) {
    attendees.forEach((a, i) => {
      const points = i === round.first ? 2 : round.right(i) ? 1 : 0;
      totals.set(a.id, totals.get(a.id)! + points);
    });
  }
  return totals;
}

describe('kill -9 one of three replicas during a quiz', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  const servers: RunningServer[] = [];
  let proxy: TcpProxy | undefined;
  let organizer: Organizer | undefined;
  const attendees: Attendee[] = [];

  beforeAll(async () => {
    db = await createDatabase();
    const shared = {
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: `podium_e2e_${randomBytes(4).toString('hex')}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    };
    // One first, so the others do not race it to migrate the new database.
    servers.push(await startServer({ ...shared, DATA_DIR: newDataDir() }));
    servers.push(
      ...(await Promise.all([1, 2].map(() => startServer({ ...shared, DATA_DIR: newDataDir() })))),
    );
    proxy = await TcpProxy.start(
      servers.map((s) => s.url),
      'round-robin',
    );
  });
  afterAll(async () => {
    for (const attendee of attendees) attendee.close();
    organizer?.close();
    await proxy?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('clients of the killed replica resync within 5 s elsewhere; no acked answer is lost; scores as computed', async () => {
    const entry = proxy!.url;
    const host = new Organizer(entry);
    organizer = host;
    await host.setUp();
    const { meeting, questions } = await host.quizMeeting(ROUNDS.length);
    // The dashboard stays on a replica that lives, so the quiz can be driven throughout.
    await host.open(servers[0]!.url, meeting.id);
    await host.command(meeting.id, 'start');

    // Phones join through the proxy, which spreads their connections over the three replicas.
    for (let i = 0; i < ATTENDEES; i += 1) attendees.push(new Attendee(`Phone ${i + 1}`));
    await Promise.all(attendees.map((a) => a.join(entry, meeting.joinCode)));
    await Promise.all(attendees.map((a) => a.connect(entry)));

    const choice = (question: QuestionDto, right: boolean) => {
      if (question.type !== 'quiz') throw new Error('quiz expected');
      return question.choices[right ? 0 : 1]!.id;
    };
    const outcomes: AnswerOutcome[] = [];
    const play = async (round: Round, question: QuestionDto, midway?: () => Promise<void>) => {
      await host.command(meeting.id, 'next');
      // The first answer is acknowledged before anyone else sends: it earns the bonus.
      outcomes.push(await attendees[round.first]!.answer(question.id, choice(question, true)));
      const others = attendees.map((a, i) => ({ a, i })).filter(({ i }) => i !== round.first);
      const send = (list: typeof others) =>
        list.map(({ a, i }) => a.answer(question.id, choice(question, round.right(i))));
      // With a fault midway, half the phones send before it (their answers are in flight when it
      // strikes, whatever the machine's speed) and the rest after it, while the question is open.
      const early = midway ? others.slice(0, Math.floor(others.length / 2)) : others;
      const inFlight = send(early);
      await midway?.();
      outcomes.push(...(await Promise.all([...inFlight, ...send(others.slice(early.length))])));
      await host.command(meeting.id, 'close');
    };

    await play(ROUNDS[0]!, questions[0]!);

    // Round two: answers are in flight when replica C is killed; its phones must come back, on the
    // open question, before the rest answer and the organizer closes it.
    let victims: Attendee[] = [];
    const resyncMs: number[] = [];
    await play(ROUNDS[1]!, questions[1]!, async () => {
      const before = await answersTo(questions[1]!.id);
      const killedAt = Date.now();
      const { signal } = await servers[2]!.kill('SIGKILL');
      expect(signal).toBe('SIGKILL');
      console.log(`killed replica C with ${before} of ${ATTENDEES} answers stored; load ${load()}`);
      // The proxy closes the phones' side once C's side is gone; their sockets then see the drop.
      await until('the proxy dropped every connection to C', () => proxy!.openConnections()[2] === 0);
      await new Promise((resolve) => setTimeout(resolve, 250));
      victims = attendees.filter((a) => a.disconnects.some((at) => at >= killedAt));
      for (const victim of victims) {
        const { at, snapshot } = await victim.snapshotAfter(killedAt, RESYNC_LIMIT_MS + 5_000);
        resyncMs.push(at - killedAt);
        expect(snapshot.state.question?.id).toBe(questions[1]!.id);
        expect(snapshot.state.phase).toBe('question_open');
      }
    });

    // Everyone the kill disconnected came back through the proxy within the limit.
    expect(victims.length).toBeGreaterThanOrEqual(Math.floor(ATTENDEES / 6));
    expect(victims.length).toBeLessThan(ATTENDEES);
    console.log(
      `${victims.length} clients resynced in ${Math.min(...resyncMs)}–${Math.max(...resyncMs)} ms; ` +
        `answers to rounds 1–2 acked at once ${outcomes.filter((o) => o === 'acked').length}, ` +
        `found stored on a retry ${outcomes.filter((o) => o === 'stored-before').length}`,
    );
    expect(Math.max(...resyncMs)).toBeLessThanOrEqual(RESYNC_LIMIT_MS);
    expect(proxy!.openConnections()[2]).toBe(0);

    await play(ROUNDS[2]!, questions[2]!);
    await host.command(meeting.id, 'scoreboard');

    // No answer lost: each phone's choice is stored, once, for every question.
    for (const [q, question] of questions.entries()) {
      const rows = await db.query(
        `select attendee_id, payload from answers where question_id = '${question.id}'`,
      );
      const stored = new Map(rows.map((r) => [r['attendee_id'], JSON.stringify(r['payload'])]));
      expect(rows).toHaveLength(ATTENDEES);
      attendees.forEach((a, i) => {
        const right = i === ROUNDS[q]!.first || ROUNDS[q]!.right(i);
        expect(stored.get(a.id)).toBe(JSON.stringify({ type: 'quiz', choiceIds: [choice(question, right)] }));
      });
    }

    // The scores are the ones computed from the answers, as if nothing had happened.
    const expected = expectedTotals(attendees);
    const board = (await host.snapshot(meeting.id)).scoreboard;
    expect(board.attendeeCount).toBe(ATTENDEES);
    expect(new Map(board.entries.map((e) => [e.attendeeId, e.total]))).toEqual(expected);
    // And each phone, wherever it is connected now, sees its own.
    await until('every phone connected', () => attendees.every((a) => a.connected));
    for (const attendee of attendees) {
      const since = Date.now();
      attendee.socket.disconnect().connect();
      const { snapshot } = await attendee.snapshotAfter(since);
      expect(snapshot.me.total).toBe(expected.get(attendee.id));
    }
  });

  async function answersTo(questionId: string): Promise<number> {
    const [row] = await db.query(
      `select count(*)::int as n from answers where question_id = '${questionId}'`,
    );
    return Number(row?.['n'] ?? 0);
  }
});
