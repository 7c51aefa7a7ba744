import { randomUUID } from 'node:crypto';
import type {
  FlagDto,
  JoinedMeetingDto,
  MeetingDto,
  MyScoreDto,
  QuestionResultsDto,
  ScoreboardDto,
} from '@podium/contracts';
import { joinMeeting, newMeeting, newOwner, newQuestion, newQuestionInput } from './support/factories';
import { emitAck, eventually, LiveClient, okData, parseCsv } from './support/live';
import { newRedisPrefix, clearRedisPrefix, startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';

const ATTENDEES = 50;

/**
 * One whole meeting, the way a room plays it: an organizer, fifty phones, every question type, a
 * flag, a step back, and the api restarted halfway. Every number is checked against what the
 * attendees did, computed here independently of the server.
 */
describe('a whole meeting over real sockets (PostgreSQL + Redis)', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let app: TestApp;
  const redisPrefix = newRedisPrefix();
  const dataDir = `/tmp/podium-run-${randomUUID()}`;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    db = await TestDatabase.create();
    app = await startTestApp({ databaseUrl: db.url, redisPrefix, dataDir });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app?.close();
    await db?.drop();
    await clearRedisPrefix(redisPrefix);
  });

  const open = async (auth: Parameters<typeof LiveClient.open>[2], meetingId: string, clientId?: string) => {
    const opened = await LiveClient.open(app.baseUrl, meetingId, auth, clientId);
    clients.push(opened.client);
    return opened;
  };

  it('runs every question type for fifty attendees and keeps state and scores across a restart', async () => {
    const owner = await newOwner(app.baseUrl);
    const meeting: MeetingDto = await newMeeting(owner.client, owner.workspaceId, { title: 'All hands' });
    const q = {
      slide: await newQuestion(owner.client, meeting, newQuestionInput('slide')),
      poll: await newQuestion(owner.client, meeting, {
        type: 'poll',
        title: 'Lunch?',
        choices: [{ label: 'Pizza' }, { label: 'Salad' }, { label: 'Soup' }],
      }),
      quiz: await newQuestion(owner.client, meeting, {
        type: 'quiz',
        title: 'Capital of France?',
        choices: [
          { label: 'Paris', correct: true },
          { label: 'Lyon', correct: false },
        ],
      }),
      multi: await newQuestion(owner.client, meeting, {
        type: 'quiz',
        title: 'Which are primes?',
        multiple: true,
        choices: [
          { label: 'Two', correct: true },
          { label: 'Three', correct: true },
          { label: 'Four', correct: false },
        ],
      }),
      cloud: await newQuestion(owner.client, meeting, {
        type: 'wordcloud',
        title: 'One word for today',
        maxWordsPerAttendee: 2,
        bannedWords: ['rude'],
      }),
      rating: await newQuestion(owner.client, meeting, {
        type: 'rating',
        title: 'How was it?',
        scale: 'ten',
      }),
      qa: await newQuestion(owner.client, meeting, { type: 'qa', title: 'Ask us anything' }),
    };
    const choice = (question: typeof q.poll, index: number) =>
      (question as Extract<typeof q.poll, { type: 'poll' | 'quiz' }>).choices[index]!.id;
    const flag = await owner.client.post<FlagDto>(`/api/workspaces/${owner.workspaceId}/flags`, {
      name: 'Booth',
      code: 'BOOTH-7',
      points: 50,
    });
    expect(flag.status).toBe(201);

    // The organizer opens the dashboard and holds control; fifty phones join with the code.
    const clientId = randomUUID();
    let { client: organizer } = await open({ cookie: owner.client.cookie }, meeting.id, clientId);
    const joined: JoinedMeetingDto[] = [];
    for (let i = 0; i < ATTENDEES; i += 1) {
      joined.push(await joinMeeting(app.baseUrl, meeting.joinCode, `Player ${String(i).padStart(2, '0')}`));
    }
    let phones = await Promise.all(joined.map((j) => open({ attendeeToken: j.attendeeToken }, meeting.id)));
    let attendees = phones.map((p) => p.client);
    const drive = async (command: Parameters<LiveClient['command']>[1]) =>
      okData(await organizer.command(meeting.id, command));
    const answerAll = (
      answer: (i: number) => Parameters<typeof emitAck<'answer.submit'>>[2]['answer'],
      questionId: string,
    ) =>
      Promise.all(
        attendees.map((a, i) => emitAck(a.socket, 'answer.submit', { questionId, answer: answer(i) })),
      );
    const organizerResults = <T extends QuestionResultsDto['type']>(
      type: T,
      accept: (r: Extract<QuestionResultsDto, { type: T }>) => boolean,
    ) =>
      eventually(
        () => organizer.results,
        (r): boolean => r?.type === type && accept(r as Extract<QuestionResultsDto, { type: T }>),
      ) as Promise<Extract<QuestionResultsDto, { type: T }>>;

    expect((await drive('start')).phase).toBe('waiting');

    // A slide: nothing to answer.
    expect(await drive('next')).toMatchObject({ phase: 'question_open', questionIndex: 0 });
    const onSlide = await emitAck(attendees[0]!.socket, 'answer.submit', {
      questionId: q.slide.id,
      answer: { type: 'poll', choiceIds: ['x'] },
    });
    expect(onSlide.ok).toBe(false);

    // A poll: the results reach the dashboard aggregated, not once per vote.
    expect(await drive('next')).toMatchObject({ phase: 'question_open', questionIndex: 1 });
    const pushesBefore = organizer.resultPushes;
    const pollAcks = await answerAll(
      (i) => ({ type: 'poll', choiceIds: [choice(q.poll, i % 3)] }),
      q.poll.id,
    );
    expect(pollAcks.every((a) => a.ok)).toBe(true);
    const poll = await organizerResults('poll', (r) => r.answered === ATTENDEES);
    expect(poll.counts).toEqual({
      [choice(q.poll, 0)]: 17,
      [choice(q.poll, 1)]: 17,
      [choice(q.poll, 2)]: 16,
    });
    expect(organizer.resultPushes - pushesBefore).toBeLessThan(ATTENDEES / 2);
    await drive('close');
    expect((await drive('results')).phase).toBe('results');

    // A quiz: even players right, player 0 first (the bonus); a late answer is refused.
    expect(await drive('next')).toMatchObject({ phase: 'question_open', questionIndex: 2 });
    okData(
      await emitAck(attendees[0]!.socket, 'answer.submit', {
        questionId: q.quiz.id,
        answer: { type: 'quiz', choiceIds: [choice(q.quiz, 0)] },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const quizAcks = await Promise.all(
      attendees.slice(1).map((a, k) =>
        emitAck(a.socket, 'answer.submit', {
          questionId: q.quiz.id,
          answer: { type: 'quiz', choiceIds: [choice(q.quiz, (k + 1) % 2)] },
        }),
      ),
    );
    expect(quizAcks.every((a) => a.ok)).toBe(true);
    expect(attendees[1]!.results?.type).not.toBe('quiz'); // a quiz's counts stay hidden from phones while open
    await drive('close');
    const late = await emitAck(attendees[3]!.socket, 'answer.submit', {
      questionId: q.quiz.id,
      answer: { type: 'quiz', choiceIds: [choice(q.quiz, 0)] },
    });
    expect(late.ok).toBe(false);
    await drive('results');
    const quiz = await eventually(
      () => attendees[5]!.results,
      (r) => r?.type === 'quiz' && r.correctChoiceIds !== null,
    );
    expect(quiz).toMatchObject({ answered: 50, correctChoiceIds: [choice(q.quiz, 0)], correctCount: 25 });

    // A step back shows the poll again, closed; forward lands on the closed quiz.
    expect(await drive('back')).toMatchObject({ phase: 'question_closed', questionIndex: 1 });
    expect(await drive('next')).toMatchObject({ phase: 'question_closed', questionIndex: 2 });

    // A multiple-answer quiz: only the exact set {Two, Three} is right.
    expect(await drive('next')).toMatchObject({ phase: 'question_open', questionIndex: 3 });
    const multiAnswer = (i: number) =>
      i % 3 === 0
        ? [choice(q.multi, 0), choice(q.multi, 1)]
        : i % 3 === 1
          ? [choice(q.multi, 0)]
          : [choice(q.multi, 0), choice(q.multi, 1), choice(q.multi, 2)];
    okData(
      await emitAck(attendees[0]!.socket, 'answer.submit', {
        questionId: q.multi.id,
        answer: { type: 'quiz', choiceIds: multiAnswer(0) },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(
      attendees.slice(1).map((a, k) =>
        emitAck(a.socket, 'answer.submit', {
          questionId: q.multi.id,
          answer: { type: 'quiz', choiceIds: multiAnswer(k + 1) },
        }),
      ),
    );
    await drive('close');

    // Expected so far: quiz 1 (+1 for player 0's first correct answer), multi 1 (+1 for player 0).
    const expected = new Map<string, number>(
      joined.map((j, i) => {
        let total = i % 2 === 0 ? 1 : 0;
        total += i % 3 === 0 ? 1 : 0;
        if (i === 0) total += 2;
        return [j.attendee.id, total];
      }),
    );

    // The api restarts mid-meeting: phones and dashboard reconnect to the same state and scores.
    clients.forEach((c) => c.close());
    clients.length = 0;
    await app.close();
    app = await startTestApp({ databaseUrl: db.url, redisPrefix, dataDir });
    const reopened = await open({ cookie: owner.client.cookie }, meeting.id, clientId);
    organizer = reopened.client;
    expect(reopened.snapshot.state).toMatchObject({ phase: 'question_closed', questionIndex: 3 });
    phones = await Promise.all(joined.map((j) => open({ attendeeToken: j.attendeeToken }, meeting.id)));
    attendees = phones.map((p) => p.client);
    for (const [i, phone] of phones.entries()) {
      const snapshot = phone.snapshot;
      if (snapshot.audience !== 'attendee') throw new Error('expected an attendee snapshot');
      expect(snapshot.me.total).toBe(expected.get(joined[i]!.attendee.id));
    }

    // A word cloud: words normalized, duplicates and banned words refused, two per attendee.
    expect(await drive('next')).toMatchObject({ phase: 'question_open', questionIndex: 4 });
    expect(
      (await answerAll(() => ({ type: 'wordcloud', word: '  Hello ' }), q.cloud.id)).every((a) => a.ok),
    ).toBe(true);
    const dup = await emitAck(attendees[0]!.socket, 'answer.submit', {
      questionId: q.cloud.id,
      answer: { type: 'wordcloud', word: 'HELLO' },
    });
    const banned = await emitAck(attendees[1]!.socket, 'answer.submit', {
      questionId: q.cloud.id,
      answer: { type: 'wordcloud', word: 'Rude' },
    });
    expect([dup.ok, banned.ok]).toEqual([false, false]);
    await Promise.all(
      attendees
        .filter((_, i) => i % 5 === 0)
        .map((a) =>
          emitAck(a.socket, 'answer.submit', {
            questionId: q.cloud.id,
            answer: { type: 'wordcloud', word: 'Café' },
          }),
        ),
    );
    const third = await emitAck(attendees[0]!.socket, 'answer.submit', {
      questionId: q.cloud.id,
      answer: { type: 'wordcloud', word: 'more' },
    });
    expect(third.ok).toBe(false);
    const cloud = await organizerResults('wordcloud', (r) =>
      r.words.some((w) => w.text === 'café' && w.count === 10),
    );
    expect(cloud.words).toEqual([
      { text: 'hello', count: 50 },
      { text: 'café', count: 10 },
    ]);
    await drive('close');

    // A 1-10 rating: five of each value.
    expect(await drive('next')).toMatchObject({ phase: 'question_open', questionIndex: 5 });
    await answerAll((i) => ({ type: 'rating', value: (i % 10) + 1 }), q.rating.id);
    const rating = await organizerResults('rating', (r) => r.answered === ATTENDEES);
    expect(rating).toMatchObject({ mean: 5.5, median: 5.5 });
    expect(rating.distribution.map((d) => d.count)).toEqual(Array(10).fill(5));
    await drive('close');

    // Q&A: questions, upvotes (not one's own), a pinned entry first.
    expect(await drive('next')).toMatchObject({ phase: 'question_open', questionIndex: 6 });
    const first = okData(
      await emitAck(attendees[0]!.socket, 'qa.ask', { questionId: q.qa.id, text: 'When is lunch?' }),
    );
    const second = okData(
      await emitAck(attendees[1]!.socket, 'qa.ask', { questionId: q.qa.id, text: 'Slides online?' }),
    );
    expect((await emitAck(attendees[0]!.socket, 'qa.upvote', { entryId: first.entryId })).ok).toBe(false);
    await Promise.all(
      attendees.slice(2, 12).map((a) => emitAck(a.socket, 'qa.upvote', { entryId: first.entryId })),
    );
    await Promise.all(
      attendees.slice(2, 7).map((a) => emitAck(a.socket, 'qa.upvote', { entryId: second.entryId })),
    );
    await emitAck(attendees[2]!.socket, 'qa.upvote', { entryId: second.entryId }); // a double click counts once
    okData(
      await emitAck(organizer.socket, 'qa.moderate', {
        meetingId: meeting.id,
        entryId: second.entryId,
        pinned: true,
      }),
    );
    const qa = await organizerResults(
      'qa',
      (r) => r.entries.length === 2 && r.entries[0]!.pinned && r.entries[1]!.upvotes === 10,
    );
    expect(qa.entries.map((e) => [e.text, e.upvotes, e.pinned])).toEqual([
      ['Slides online?', 5, true],
      ['When is lunch?', 10, false],
    ]);
    await drive('close');

    // The flag: five players find it (once each); wrong guesses are rate-limited.
    for (const [i, a] of attendees.slice(0, 5).entries()) {
      const captured = okData(await emitAck(a.socket, 'flag.capture', { code: ' booth-7 ' }));
      expect(captured.points).toBe(50);
      expected.set(joined[i]!.attendee.id, expected.get(joined[i]!.attendee.id)! + 50);
    }
    const again = await emitAck(attendees[0]!.socket, 'flag.capture', { code: 'BOOTH-7' });
    expect(again.ok ? 0 : again.error.statusCode).toBe(409);
    const guesses = [];
    for (let k = 0; k < 6; k += 1)
      guesses.push(await emitAck(attendees[9]!.socket, 'flag.capture', { code: `WRONG-${k}` }));
    expect(guesses.map((g) => (g.ok ? 200 : g.error.statusCode))).toEqual([404, 404, 404, 404, 404, 429]);

    // The scoreboard matches what everyone did, ties sharing a rank.
    await drive('scoreboard');
    const expectedRows = joined
      .map((j) => ({ nickname: j.attendee.nickname, total: expected.get(j.attendee.id)! }))
      .sort((a, b) => b.total - a.total || a.nickname.localeCompare(b.nickname));
    const ranked = expectedRows.map((row) => ({
      ...row,
      rank: 1 + expectedRows.filter((o) => o.total > row.total).length,
    }));
    const rows = (s: ScoreboardDto | null) =>
      s?.entries.map((e) => ({ nickname: e.nickname, total: e.total, rank: e.rank }));
    const board = (await eventually(
      () => organizer.scoreboard,
      (s) => JSON.stringify(rows(s)) === JSON.stringify(ranked),
    ))!;
    expect(rows(board)).toEqual(ranked);
    expect(board.attendeeCount).toBe(ATTENDEES);
    // Each phone is told its own total and rank.
    const fourth = ranked.find((r) => r.nickname === 'Player 04')!;
    const pushed = await eventually(
      () =>
        attendees[4]!.events.filter((e) => e.event === 'attendee.score').at(-1)?.payload as
          MyScoreDto | undefined,
      (score) => score?.total === fourth.total,
    );
    expect(pushed).toMatchObject({ rank: fourth.rank, attendeeCount: ATTENDEES });
    expect((await drive('end')).phase).toBe('after');

    // The exports say the same.
    const csv = await fetch(
      `${app.baseUrl}/api/workspaces/${owner.workspaceId}/meetings/${meeting.id}/scoreboard.csv`,
      {
        headers: { cookie: owner.client.cookie! },
      },
    );
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const scoreRows = parseCsv(await csv.text());
    expect(scoreRows.slice(1).map((r) => [Number(r[0]), r[1], Number(r.at(-1))])).toEqual(
      ranked.map((r) => [r.rank, r.nickname, r.total]),
    );
    const resultsCsv = await fetch(
      `${app.baseUrl}/api/workspaces/${owner.workspaceId}/meetings/${meeting.id}/results.csv`,
      {
        headers: { cookie: owner.client.cookie! },
      },
    );
    const resultRows = parseCsv(await resultsCsv.text());
    const header = resultRows[0]!.map((h) => h.replace(/^\uFEFF/, ''));
    const rowsFor = (title: string) => resultRows.filter((r) => r[header.indexOf('Question')] === title);
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    expect(rowsFor('Lunch?').map((r) => [cell(r, 'Option'), cell(r, 'Count')])).toEqual([
      ['Pizza', '17'],
      ['Salad', '17'],
      ['Soup', '16'],
    ]);
    expect(
      rowsFor('Capital of France?').map((r) => [cell(r, 'Option'), cell(r, 'Count'), cell(r, 'Correct')]),
    ).toEqual([
      ['Paris', '25', 'yes'],
      ['Lyon', '25', 'no'],
    ]);
    expect(cell(rowsFor('Capital of France?')[0]!, 'Correct rate (%)')).toBe('50');
  });
});
