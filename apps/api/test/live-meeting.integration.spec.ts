import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingDto } from '@podium/contracts';
import { LiveResultsService } from '../src/modules/meetings/live/live-results.service';
import { newMeeting, newOwner, newQuestion, newQuestionInput } from './support/factories';
import { HttpClient } from './support/http-client';
import {
  choiceIdsOf,
  failed,
  LiveHarness,
  ok,
  record,
  request,
  type Snapshot,
  sleep,
  until,
} from './support/live-harness';
import { type TestSocket } from './support/sockets';
import { startTestApp } from './support/test-app';
import { useTestSuite } from './support/test-suite';

describe('live questions over Socket.IO (PostgreSQL, Redis)', () => {
  const suite = useTestSuite({ redis: true });

  it('runs a poll: answers counted and results pushed on the tick, late answers refused, CSV export', async () => {
    const { meeting, questions } = await suite.meetingWith(
      newQuestionInput('poll', { choices: [{ label: '=1+1' }, { label: 'Coffee' }] }),
      newQuestionInput('rating'),
    );
    const poll = questions[0]!;
    const [first, second] = choiceIdsOf(poll);
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-poll');
    const attendees = await Promise.all(
      Array.from({ length: 20 }, (_, i) => suite.live.attendee(meeting, `Poller ${i}`)),
    );
    expect(attendees[0]!.snapshot).toMatchObject({
      audience: 'attendee',
      state: { phase: 'before' },
      me: { total: 0, rank: 1, attendeeCount: 20 },
      myAnswer: null,
    });
    const orgResults = record(org.socket, 'meeting.results');
    const phoneResults = record(attendees[0]!.socket, 'meeting.results');
    const presence = record(org.socket, 'meeting.presence');
    await until('all 20 phones counted as present', () => presence.at(-1)?.present === 20);

    let state = ok(await suite.live.command(org.socket, meeting.id, 'start', org.snapshot.state.version));
    expect(state).toMatchObject({ phase: 'waiting', version: 1 });
    const phoneStates = record(attendees[3]!.socket, 'meeting.state');
    state = ok(await suite.live.command(org.socket, meeting.id, 'next', state.version));
    expect(state).toMatchObject({ phase: 'question_open', questionIndex: 0, question: { id: poll.id } });
    await until('the state push', () => phoneStates.some((s) => s.version === state.version));
    expect(phoneStates.at(-1)).toMatchObject({ version: state.version, question: { id: poll.id } });
    await until('the empty results', () => orgResults.some((r) => r.version === state.version));

    // A burst of 20 answers: results are computed on the tick, not pushed once per answer.
    const before = { org: orgResults.length, phone: phoneResults.length };
    const acks = await Promise.all(
      attendees.map((a, i) =>
        suite.live.answer(a.socket, poll.id, { type: 'poll', choiceIds: [i % 2 === 0 ? first! : second!] }),
      ),
    );
    acks.forEach((ack) => expect(ok(ack).myAnswer).toMatchObject({ type: 'poll' }));
    const answered = (payloads: typeof orgResults) => {
      const results = payloads.at(-1)?.results;
      return results?.type === 'poll' ? results.answered : -1;
    };
    await until(
      'all 20 answers in the results',
      () => answered(orgResults) === 20 && answered(phoneResults) === 20,
    );
    expect(orgResults.length - before.org).toBeLessThan(10);
    expect(phoneResults.length - before.phone).toBeLessThan(10);
    expect(orgResults.at(-1)).toMatchObject({
      meetingId: meeting.id,
      version: state.version,
      present: 20,
      results: { type: 'poll', questionId: poll.id, counts: { [first!]: 10, [second!]: 10 } },
    });
    expect(phoneResults.at(-1)).toMatchObject({ present: 0 });
    expect(await suite.live.answerRows(poll.id)).toHaveLength(20);

    // A poll allows changing one's answer: still one row per attendee.
    ok(await suite.live.answer(attendees[0]!.socket, poll.id, { type: 'poll', choiceIds: [second!] }));
    expect(await suite.live.answerRows(poll.id)).toHaveLength(20);

    state = ok(await suite.live.command(org.socket, meeting.id, 'close', state.version));
    expect(state).toMatchObject({ phase: 'question_closed', question: { id: poll.id } });
    expect(state.question?.closedAt).not.toBeNull();
    const late = failed(
      await suite.live.answer(attendees[0]!.socket, poll.id, { type: 'poll', choiceIds: [first!] }),
    );
    expect(late).toMatchObject({ statusCode: 409, code: 'answer.question_not_open' });
    const rows = await suite.live.answerRows(poll.id);
    expect(rows.filter((r) => r.attendee_id === attendees[0]!.joined.attendee.id)).toEqual([
      expect.objectContaining({ payload: { type: 'poll', choiceIds: [second] } }),
    ]);

    attendees[19]!.socket.close();
    await until('the phone that left no longer counted', () => presence.at(-1)?.present === 19);

    const csv = await fetch(
      `${suite.app.baseUrl}/api/workspaces/${suite.owner.workspaceId}/meetings/${meeting.id}/results.csv`,
      {
        headers: { cookie: suite.owner.client.cookie! },
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename=".+-results\.csv"$/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('Position,Question,Type,Option,Count,Share (%),Correct,Answered,Correct rate (%)');
    // The formula-looking label is neutralized with a leading quote.
    expect(lines).toContain(`1,${poll.title},poll,'=1+1,9,45,,20,`);
    expect(lines).toContain(`1,${poll.title},poll,Coffee,11,55,,20,`);
    expect(lines.filter((line) => line.startsWith(`2,`))).toHaveLength(10); // a 1-10 rating, unanswered
  });

  it('scores a quiz: one row per double submit, first-correct bonus, scoreboard and scores pushed', async () => {
    const { meeting, questions } = await suite.meetingWith(newQuestionInput('quiz'));
    const quiz = questions[0]!;
    const [paris, lyon] = choiceIdsOf(quiz);
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-quiz');
    const [a1, a2, a3] = await Promise.all(
      ['Ana', 'Bob', 'Cyd'].map((nick) => suite.live.attendee(meeting, nick)),
    );
    const scoreboards = record(org.socket, 'meeting.scoreboard');
    const phoneResults = record(a1!.socket, 'meeting.results');
    const scores = [a1!, a2!, a3!].map((a) => record(a.socket, 'attendee.score'));

    const phoneStates = record(a1!.socket, 'meeting.state');
    const versioned = recordVersions(a1!.socket);
    ok(await suite.live.command(org.socket, meeting.id, 'start'));
    const state = ok(await suite.live.command(org.socket, meeting.id, 'next'));
    // Organizers see which choice is correct; phones must not.
    expect(state.question).toMatchObject({ type: 'quiz', choices: [{ correct: true }, { correct: false }] });
    await until('the state push', () => phoneStates.some((s) => s.version === state.version));
    const seen = phoneStates.at(-1)!;
    expect(seen.question).toMatchObject({ id: quiz.id, choices: [{ id: paris }, { id: lyon }] });
    expect(seen.question?.type === 'quiz' && seen.question.choices.every((c) => !('correct' in c))).toBe(
      true,
    );

    const double = await Promise.all([
      suite.live.answer(a1!.socket, quiz.id, { type: 'quiz', choiceIds: [paris!] }),
      suite.live.answer(a1!.socket, quiz.id, { type: 'quiz', choiceIds: [paris!] }),
    ]);
    expect(double.filter((ack) => ack.ok)).toHaveLength(1);
    expect(double.map((ack) => (ack.ok ? 'ok' : ack.error.code)).sort()).toEqual([
      'answer.already_answered',
      'ok',
    ]);
    await sleep(20);
    ok(await suite.live.answer(a2!.socket, quiz.id, { type: 'quiz', choiceIds: [paris!] }));
    ok(await suite.live.answer(a3!.socket, quiz.id, { type: 'quiz', choiceIds: [lyon!] }));
    expect(await suite.live.answerRows(quiz.id)).toHaveLength(3);
    await sleep(300);
    // Quiz results stay hidden from phones while the question is open.
    expect(phoneResults.filter((r) => r.results.questionId === quiz.id)).toEqual([]);

    // A loaded server: the read of the final results that go with the closed state is slow. The
    // board of the same version must still reach the phone after that state, not before it.
    const liveResults = suite.app.podium.app.get(LiveResultsService);
    const readNow = liveResults.current.bind(liveResults);
    const slowRead = jest.spyOn(liveResults, 'current').mockImplementation(async (meetingId) => {
      await sleep(300);
      return readNow(meetingId);
    });
    ok(await suite.live.command(org.socket, meeting.id, 'close'));
    const points = Object.fromEntries(
      (await suite.live.answerRows(quiz.id)).map((row) => [row.attendee_id, row.points]),
    );
    expect(points).toEqual({
      [a1!.joined.attendee.id]: 2,
      [a2!.joined.attendee.id]: 1,
      [a3!.joined.attendee.id]: 0,
    });
    await until('the scoreboard push', () => scoreboards.length > 0);
    expect(scoreboards.at(-1)!.scoreboard).toMatchObject({
      attendeeCount: 3,
      entries: [
        { nickname: 'Ana', rank: 1, quizPoints: 2, total: 2 },
        { nickname: 'Bob', rank: 2, quizPoints: 1, total: 1 },
        { nickname: 'Cyd', rank: 3, quizPoints: 0, total: 0 },
      ],
    });
    await until('each attendee score', () => scores.every((s) => s.length > 0));
    await until('the closed state', () => phoneStates.some((s) => s.phase === 'question_closed'));
    slowRead.mockRestore();
    expect(scores.map((s) => s.at(-1))).toMatchObject([
      { total: 2, rank: 1, attendeeCount: 3 },
      { total: 1, rank: 2 },
      { total: 0, rank: 3 },
    ]);
    const csv = await fetch(
      `${suite.app.baseUrl}/api/workspaces/${suite.owner.workspaceId}/meetings/${meeting.id}/scoreboard.csv`,
      { headers: { cookie: suite.owner.client.cookie! } },
    );
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(
      (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual(['Rank,Nickname,Quiz points,Flag points,Total', '1,Ana,2,0,2', '2,Bob,1,0,1', '3,Cyd,0,0,0']);
    // The final results ride with the closed state: one push to the room, not a state and results.
    const closed = phoneStates.find((s) => s.phase === 'question_closed');
    expect(closed?.results).toMatchObject({
      type: 'quiz',
      questionId: quiz.id,
      answered: 3,
      correctChoiceIds: [paris],
      correctCount: 2,
    });
    expect(phoneResults.filter((r) => r.results.questionId === quiz.id)).toEqual([]);
    // Nothing reached the phone ahead of its state: it never had a reason to ask for a snapshot.
    expect(versioned.some((push) => push === `meeting.scoreboard@${closed!.version}`)).toBe(true);
    expect(aheadOfState(versioned, a1!.snapshot.state.version)).toEqual([]);
  });

  it('runs a Q&A: ask, upvote once, moderate; hidden entries only reach organizers', async () => {
    const { meeting, questions } = await suite.meetingWith(
      newQuestionInput('qa', { timeLimitSeconds: null }),
    );
    const qa = questions[0]!;
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-qa');
    const [asker, voter] = await Promise.all([
      suite.live.attendee(meeting, 'Asker'),
      suite.live.attendee(meeting, 'Voter'),
    ]);
    const orgResults = record(org.socket, 'meeting.results');
    const phoneResults = record(voter.socket, 'meeting.results');
    ok(await suite.live.command(org.socket, meeting.id, 'start'));
    ok(await suite.live.command(org.socket, meeting.id, 'next'));

    const { entryId } = ok(await request(asker.socket, 'qa.ask', { questionId: qa.id, text: '  Why now? ' }));
    const spare = ok(await request(asker.socket, 'qa.ask', { questionId: qa.id, text: 'And later?' }));
    const votes = await Promise.all([
      request(voter.socket, 'qa.upvote', { entryId }),
      request(voter.socket, 'qa.upvote', { entryId }),
    ]);
    expect(votes.map((vote) => ok(vote).upvotes)).toEqual([1, 1]);
    expect(failed(await request(asker.socket, 'qa.upvote', { entryId }))).toMatchObject({
      statusCode: 409,
      code: 'qa.own_entry',
    });
    expect(failed(await request(voter.socket, 'qa.ask', { questionId: qa.id, text: '   ' })).field).toBe(
      'text',
    );

    ok(
      await request(org.socket, 'qa.moderate', {
        meetingId: meeting.id,
        entryId: spare.entryId,
        hidden: true,
      }),
    );
    ok(await request(org.socket, 'qa.moderate', { meetingId: meeting.id, entryId, pinned: true }));
    const entriesOf = (payloads: typeof orgResults) => {
      const results = payloads.at(-1)?.results;
      return results?.type === 'qa' ? results.entries : [];
    };
    await until(
      'the moderated results',
      () => entriesOf(orgResults).some((e) => e.hidden) && entriesOf(phoneResults).some((e) => e.pinned),
    );
    expect(entriesOf(orgResults)).toMatchObject([
      { id: entryId, text: 'Why now?', authorNickname: 'Asker', upvotes: 1, pinned: true },
      { id: spare.entryId, hidden: true },
    ]);
    expect(entriesOf(phoneResults).map((e) => e.id)).toEqual([entryId]);
    const resynced = ok(
      await request(voter.socket, 'meeting.join', { meetingId: meeting.id }),
    ) as Snapshot<'attendee'>;
    expect(resynced.myUpvotes).toEqual([entryId]);

    // A few entries per minute per attendee: two were taken, three more pass, the sixth waits.
    for (let i = 0; i < 3; i++)
      ok(await request(asker.socket, 'qa.ask', { questionId: qa.id, text: `More ${i}` }));
    expect(
      failed(await request(asker.socket, 'qa.ask', { questionId: qa.id, text: 'Too many' })),
    ).toMatchObject({
      statusCode: 429,
      code: 'qa.too_many_questions',
    });
  });

  it('closes a timed question on its timer and refuses answers past the deadline', async () => {
    const { meeting, questions } = await suite.meetingWith(newQuestionInput('poll', { timeLimitSeconds: 5 }));
    const poll = questions[0]!;
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-timer');
    const phone = await suite.live.attendee(meeting);
    ok(await suite.live.command(org.socket, meeting.id, 'start'));
    const states = record(phone.socket, 'meeting.state');
    const opened = ok(await suite.live.command(org.socket, meeting.id, 'next'));
    expect(opened.closesAt).not.toBeNull();
    const deadline = Date.parse(opened.closesAt!);
    expect(deadline - Date.parse(opened.openedAt!)).toBe(5_000);
    ok(await suite.live.answer(phone.socket, poll.id, { type: 'poll', choiceIds: [choiceIdsOf(poll)[0]!] }));

    await sleep(deadline - Date.now() + 150);
    const tooLate = failed(
      await suite.live.answer(phone.socket, poll.id, { type: 'poll', choiceIds: [choiceIdsOf(poll)[1]!] }),
    );
    expect(tooLate).toMatchObject({ statusCode: 409, code: 'answer.too_late' });

    await until(
      'the timer to close the question',
      () => states.some((s) => s.phase === 'question_closed'),
      5_000,
    );
    expect(states.at(-1)).toMatchObject({
      phase: 'question_closed',
      version: opened.version + 1,
      closesAt: null,
    });
    const [question] = await suite.db.query<{ closed_at: Date | null }>(
      'select closed_at from meeting_questions where id = $1',
      [poll.id],
    );
    expect(question!.closed_at).not.toBeNull();
    const runs = await suite.db.query<{ outcome: string }>(
      `select outcome from job_runs where job_name = 'meetings.closeTimedQuestion' and run_key like $1`,
      [`%${meeting.id}%`],
    );
    expect(runs).toEqual([{ outcome: 'succeeded' }]);
  });
});

describe('live meetings on the embedded database, in-process timers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-live-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs transitions and answers in PGlite and still closes a timed question after a restart', async () => {
    const first = await startTestApp({ dataDir });
    const harness = new LiveHarness(first);
    let cookie: string | undefined;
    let url = '';
    try {
      const owner = await newOwner(first.baseUrl);
      cookie = owner.client.cookie;
      const meeting = await newMeeting(owner.client, owner.workspaceId);
      url = `/api/workspaces/${owner.workspaceId}/meetings/${meeting.id}`;
      const poll = await newQuestion(
        owner.client,
        meeting,
        newQuestionInput('poll', { timeLimitSeconds: 5 }),
      );
      const org = await harness.organizer(cookie, meeting.id, 'tab-embedded');
      const phone = await harness.attendee(meeting);
      ok(await harness.command(org.socket, meeting.id, 'start'));
      ok(await harness.command(org.socket, meeting.id, 'next'));
      const choiceId = poll.type === 'poll' ? poll.choices[0]!.id : '';
      ok(await harness.answer(phone.socket, poll.id, { type: 'poll', choiceIds: [choiceId] }));
    } finally {
      harness.close();
      await first.close();
    }

    // The in-process timer died with the first process: the second re-arms it at start.
    const second = await startTestApp({ dataDir });
    try {
      const client = new HttpClient(second.baseUrl);
      client.cookie = cookie;
      await until(
        'the timer to close the question after the restart',
        async () => (await client.get<MeetingDto>(url)).body.phase === 'question_closed',
        10_000,
      );
    } finally {
      await second.close();
    }
  });
});

/** `event@version` of every push with a version a socket receives, in order. */
function recordVersions(socket: TestSocket): string[] {
  const pushes: string[] = [];
  socket.onAny((event: string, payload: unknown) => {
    const version = (payload as { version?: unknown } | null)?.version;
    if (typeof version === 'number') pushes.push(`${event}@${version}`);
  });
  return pushes;
}

/** The pushes that came before the state of their version (a client resyncs on each). */
function aheadOfState(pushes: readonly string[], snapshotVersion: number): string[] {
  let stateVersion = snapshotVersion;
  return pushes.filter((push) => {
    const [event, version] = push.split('@') as [string, string];
    if (event === 'meeting.state') stateVersion = Number(version);
    return Number(version) > stateVersion;
  });
}
