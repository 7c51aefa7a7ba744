import { randomBytes } from 'node:crypto';
import type { MeetingResultsPayload, MyScoreDto, QuestionDto } from '@podium/contracts';
import { joinMeeting, newMeeting, newOwner, newQuestion, newQuestionInput } from './support/factories';
import { choiceIdsOf } from './support/live-harness';
import { emitAck, eventually, LiveClient, okData } from './support/live';
import { ReplicaTurns } from '../src/modules/redis/replica-turns';
import { clearRedisPrefix, newRedisPrefix, startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';

/**
 * A live room spread over two replicas: who is present is counted across both (an attendee with a
 * tab on each counts once), results count answers that landed on either, and after a quiz every
 * phone gets its own score from the replica it is connected to.
 */
describe('a live room over two replicas (PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let prefix: string;
  let a: TestApp;
  let b: TestApp;
  /** The one owner this database can have (the first visit sets it up). */
  let owner: Awaited<ReturnType<typeof newOwner>>;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    db = await TestDatabase.create();
    prefix = newRedisPrefix();
    // Replicas share their secrets: an attendee token signed by one is good on the other.
    const env = {
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    };
    [a, b] = await Promise.all([
      startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env }),
      startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env }),
    ]);
    owner = await newOwner(a.baseUrl);
  });
  /** A socket closed after the tests: the owner's dashboard tab or an attendee's phone. */
  const open = async (
    baseUrl: string,
    meetingId: string,
    auth: Parameters<typeof LiveClient.open>[2],
    clientId?: string,
  ) => {
    const { client } = await LiveClient.open(baseUrl, meetingId, auth, clientId);
    clients.push(client);
    return client;
  };
  /** A poll's or quiz's single choice, answered from `client`. */
  const answer = (client: LiveClient, question: QuestionDto, choiceId: string | undefined) =>
    emitAck(client.socket, 'answer.submit', {
      questionId: question.id,
      answer: { type: question.type === 'quiz' ? 'quiz' : 'poll', choiceIds: [choiceId ?? ''] },
    });
  const dashboard = (meetingId: string, clientId: string) =>
    open(a.baseUrl, meetingId, { cookie: owner.client.cookie ?? '' }, clientId);

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
    await clearRedisPrefix(prefix);
  });

  it('counts attendees on both replicas once each, and results count answers from both', async () => {
    const meeting = await newMeeting(owner.client, owner.workspaceId);
    const poll = await newQuestion(
      owner.client,
      meeting,
      newQuestionInput('poll', { choices: [{ label: 'Tea' }, { label: 'Coffee' }] }),
    );
    const [tea, coffee] = choiceIdsOf(poll);
    const presentOnOpen = async (app: TestApp) => {
      const { client, snapshot } = await LiveClient.open(app.baseUrl, meeting.id, {
        cookie: owner.client.cookie ?? '',
      });
      client.close();
      return snapshot.audience === 'organizer' ? snapshot.present : null;
    };
    const organizer = await dashboard(meeting.id, 'tab-replicas');
    const presence: number[] = [];
    organizer.socket.on('meeting.presence', (p: { present: number }) => presence.push(p.present));
    const pushed: MeetingResultsPayload[] = [];
    organizer.socket.on('meeting.results', (p: MeetingResultsPayload) => pushed.push(p));

    // Ada on A, Bo on B, and Ada again in a second tab on B.
    const phone = (baseUrl: string, attendeeToken: string) => open(baseUrl, meeting.id, { attendeeToken });
    const ada = await joinMeeting(a.baseUrl, meeting.joinCode, 'Ada');
    const bo = await joinMeeting(b.baseUrl, meeting.joinCode, 'Bo');
    const adaOnA = await phone(a.baseUrl, ada.attendeeToken);
    const boOnB = await phone(b.baseUrl, bo.attendeeToken);
    const adaOnB = await phone(b.baseUrl, ada.attendeeToken);
    await eventually(
      () => presence.at(-1),
      (n) => n === 2,
    );
    // A dashboard opening on either replica counts the same (A holds one of them, B both).
    expect(await presentOnOpen(a)).toBe(2);
    expect(await presentOnOpen(b)).toBe(2);

    okData(await organizer.command(meeting.id, 'start'));
    okData(await organizer.command(meeting.id, 'next'));
    okData(await answer(adaOnA, poll, tea));
    okData(await answer(boOnB, poll, coffee));
    // Both answers counted, whichever replica took them, on the dashboard and on every phone.
    const counted = (results: LiveClient['results']) =>
      results?.type === 'poll' && results.answered === 2 && results.counts[tea ?? ''] === 1;
    await eventually(() => pushed.at(-1)?.results ?? null, counted);
    for (const client of [adaOnA, boOnB, adaOnB]) await eventually(() => client.results, counted);

    // Ada closes her tab on A: still present on B. Bo leaves: one left.
    adaOnA.close();
    boOnB.close();
    await eventually(
      () => presence.at(-1),
      (n) => n === 1,
    );
    expect(await presentOnOpen(a)).toBe(1);
  });

  it('pushes each phone its own score and the board once after a quiz, whichever replica holds it', async () => {
    const meeting = await newMeeting(owner.client, owner.workspaceId);
    const quiz = await newQuestion(owner.client, meeting, newQuestionInput('quiz'));
    const [paris, lyon] = choiceIdsOf(quiz);
    const organizer = await dashboard(meeting.id, 'tab-quiz');
    const phone = async (baseUrl: string, attendeeToken: string) => {
      const client = await open(baseUrl, meeting.id, { attendeeToken });
      const seen = { scores: [] as MyScoreDto[], boards: 0 };
      client.socket.on('attendee.score', (score: MyScoreDto) => seen.scores.push(score));
      client.socket.on('meeting.scoreboard', () => (seen.boards += 1));
      return { client, seen };
    };
    // Ada on A and in a second tab on B, Bo on B; the quiz is run and scored on A.
    const ada = await joinMeeting(a.baseUrl, meeting.joinCode, 'Ada');
    const bo = await joinMeeting(b.baseUrl, meeting.joinCode, 'Bo');
    const adaOnA = await phone(a.baseUrl, ada.attendeeToken);
    const boOnB = await phone(b.baseUrl, bo.attendeeToken);
    const adaOnB = await phone(b.baseUrl, ada.attendeeToken);
    okData(await organizer.command(meeting.id, 'start'));
    okData(await organizer.command(meeting.id, 'next'));
    okData(await answer(adaOnA.client, quiz, paris));
    okData(await answer(boOnB.client, quiz, lyon));
    okData(await organizer.command(meeting.id, 'close'));

    const phones = [adaOnA, boOnB, adaOnB];
    await eventually(
      () => phones.map((p) => p.seen.scores.length),
      (counts) => counts.every((n) => n > 0),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // two more scoreboard ticks
    expect(phones.map((p) => p.seen.scores)).toEqual([
      [{ attendeeId: ada.attendee.id, nickname: 'Ada', total: 2, rank: 1, attendeeCount: 2 }],
      [{ attendeeId: bo.attendee.id, nickname: 'Bo', total: 0, rank: 2, attendeeCount: 2 }],
      [{ attendeeId: ada.attendee.id, nickname: 'Ada', total: 2, rank: 1, attendeeCount: 2 }],
    ]);
    expect(phones.map((p) => p.seen.boards)).toEqual([1, 1, 1]);
  });

  it('gives a periodic push one replica per period: the other is refused until the period ends', async () => {
    const key = `test:${randomBytes(4).toString('hex')}`;
    const onA = a.podium.app.get(ReplicaTurns);
    const onB = b.podium.app.get(ReplicaTurns);
    expect(await onA.take(key, 400)).toBe(true);
    expect(await onB.take(key, 400)).toBe(false);
    expect(await onA.take(key, 400)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 420));
    expect(await onB.take(key, 400)).toBe(true);
    expect(await onA.take(key, 400)).toBe(false);
  });
});
