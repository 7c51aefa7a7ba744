import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  ApiScope,
  LiveStateDto,
  MeetingDto,
  MeetingSummaryDto,
  QuestionDto,
  ScoreboardDto,
  WorkspaceDto,
} from '@podium/contracts';
import { apiV1, type V1Result } from './support/api-v1-client';
import { newMeeting, newQuestionInput } from './support/factories';
import { choiceIdsOf, ok, record, request, until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';

/** What GET …/live answers (public-api/meetings/meetings-v1.schemas.ts). */
interface LiveView {
  state: LiveStateDto;
  results: unknown;
  scoreboard: ScoreboardDto;
  control: { controllerClientId: string | null };
}

interface AllResults {
  meetingId: string;
  phase: string;
  questions: { question: QuestionDto; results: unknown }[];
}

/** The v1 meetings API with real tokens, against the real PostgreSQL and Redis and a real dashboard socket. */
describe('Public API v1: meetings, questions, live control (PostgreSQL + Redis)', () => {
  const suite = useTestSuite({ redis: true });
  const api = apiV1(suite);
  const newToken = async (scopes: ApiScope[]): Promise<string> => (await api.newToken(scopes)).token;
  /** A v1 call on the suite's workspace: `path` is below /api/v1/workspaces/:workspaceId. */
  const v1 = <T = unknown>(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<V1Result<T>> => api.v1<T>(token, method, api.v1Path(path), body, headers);

  /** POSTs a live command with no body, as a Stream Deck button would; returns the new state. */
  async function command(token: string, meetingId: string, name: string): Promise<LiveStateDto> {
    const result = await v1<LiveStateDto>(token, 'POST', `/meetings/${meetingId}/live/${name}`);
    if (result.status !== 200) throw new Error(`${name}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  it('creates, reads, edits and deletes meetings and questions with meetings:write; meetings:read may only read', async () => {
    const writer = await newToken(['meetings:read', 'meetings:write']);
    const reader = await newToken(['meetings:read']);

    const created = await v1<MeetingDto>(writer, 'POST', '/meetings', { title: 'API quiz', kind: 'both' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      workspaceId: suite.owner.workspaceId,
      title: 'API quiz',
      kind: 'both',
      phase: 'before',
      questions: [],
    });
    expect(created.body.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    const meetingId = created.body.id;

    const quiz = await v1<QuestionDto>(
      writer,
      'POST',
      `/meetings/${meetingId}/questions`,
      newQuestionInput('quiz'),
    );
    const poll = await v1<QuestionDto>(
      writer,
      'POST',
      `/meetings/${meetingId}/questions`,
      newQuestionInput('poll'),
    );
    expect([quiz.status, poll.status]).toEqual([201, 201]);
    expect(quiz.body).toMatchObject({ type: 'quiz', position: 0, meetingId });
    expect(poll.body).toMatchObject({ type: 'poll', position: 1, meetingId });

    // The dashboard's own REST read sees exactly what the token made.
    const seen = await suite.owner.client.get<MeetingDto>(
      `/api/workspaces/${suite.owner.workspaceId}/meetings/${meetingId}`,
    );
    expect(seen.body.questions.map((q) => q.id)).toEqual([quiz.body.id, poll.body.id]);
    const read = await v1<MeetingDto>(reader, 'GET', `/meetings/${meetingId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(seen.body);
    const listed = await v1<MeetingSummaryDto[]>(reader, 'GET', '/meetings');
    expect(listed.body.find((m) => m.id === meetingId)).toMatchObject({ questionCount: 2 });

    // A read-only token is refused every write, naming the scope, and nothing is written.
    const refused = await v1<ApiErrorDto>(reader, 'POST', '/meetings', { title: 'Nope' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'api.missing_scope' });
    expect(refused.body.message).toContain('meetings:write');
    expect(
      (await v1(reader, 'POST', `/meetings/${meetingId}/questions`, newQuestionInput('poll'))).status,
    ).toBe(403);
    expect((await v1(reader, 'DELETE', `/meetings/${meetingId}`)).status).toBe(403);
    expect((await v1(reader, 'POST', `/meetings/${meetingId}/live/start`)).status).toBe(403);
    const all = await suite.db.query<{ count: string }>(
      'select count(*)::text as count from meetings where workspace_id = $1 and title = $2',
      [suite.owner.workspaceId, 'Nope'],
    );
    expect(all[0]!.count).toBe('0');

    // Edits, reorder, bad input and deletes.
    const patched = await v1<MeetingDto>(writer, 'PATCH', `/meetings/${meetingId}`, { title: 'API quiz II' });
    expect(patched.body.title).toBe('API quiz II');
    const replaced = await v1<QuestionDto>(
      writer,
      'PUT',
      `/meetings/${meetingId}/questions/${poll.body.id}`,
      newQuestionInput('rating'),
    );
    expect(replaced.body).toMatchObject({ id: poll.body.id, type: 'rating', position: 1 });
    const reordered = await v1<QuestionDto[]>(writer, 'PUT', `/meetings/${meetingId}/question-order`, {
      questionIds: [poll.body.id, quiz.body.id],
    });
    expect(reordered.body.map((q) => q.id)).toEqual([poll.body.id, quiz.body.id]);
    const invalid = await v1<ApiErrorDto>(writer, 'POST', `/meetings/${meetingId}/questions`, {
      type: 'quiz',
      title: 'No correct choice',
      choices: [{ label: 'a' }, { label: 'b' }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'validation.failed', field: 'choices' });
    expect((await v1(writer, 'DELETE', `/meetings/${meetingId}/questions/${quiz.body.id}`)).status).toBe(204);
    expect((await v1(reader, 'GET', `/meetings/${meetingId}/questions/${quiz.body.id}`)).status).toBe(404);
    expect((await v1(writer, 'DELETE', `/meetings/${meetingId}`)).status).toBe(204);
    const gone = await v1<ApiErrorDto>(reader, 'GET', `/meetings/${meetingId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('meeting.not_found');
  });

  it("answers 404 for another workspace's meeting, even under the token's own workspace path", async () => {
    const other = await suite.owner.client.post<WorkspaceDto>('/api/workspaces', { name: 'Other place' });
    expect(other.status).toBe(201);
    const foreign = await newMeeting(suite.owner.client, other.body.id);
    const token = await newToken(['meetings:read', 'meetings:write', 'meetings:control']);
    for (const [method, path] of [
      ['GET', `/meetings/${foreign.id}`],
      ['GET', `/meetings/${foreign.id}/live`],
      ['GET', `/meetings/${foreign.id}/scoreboard`],
      ['POST', `/meetings/${foreign.id}/live/start`],
      ['PATCH', `/meetings/${foreign.id}`],
    ] as const) {
      const result = await v1<ApiErrorDto>(
        token,
        method,
        path,
        method === 'PATCH' ? { title: 'x' } : undefined,
      );
      expect([method, path, result.status, result.body.code]).toEqual([
        method,
        path,
        404,
        'meeting.not_found',
      ]);
    }
    const untouched = await suite.db.query<{ phase: string; title: string }>(
      'select phase, title from meetings where id = $1',
      [foreign.id],
    );
    expect(untouched[0]).toEqual({ phase: 'before', title: foreign.title });
  });

  it('drives a meeting start → next → close → results → scoreboard → end as the dashboard sees it; results and scoreboard match the dashboard', async () => {
    const writer = await newToken(['meetings:write']);
    const control = await newToken(['meetings:control', 'meetings:read']);
    const meeting = (await v1<MeetingDto>(writer, 'POST', '/meetings', { title: 'Live via API' })).body;
    const quiz = (
      await v1<QuestionDto>(writer, 'POST', `/meetings/${meeting.id}/questions`, newQuestionInput('quiz'))
    ).body;
    await v1(writer, 'POST', `/meetings/${meeting.id}/questions`, newQuestionInput('poll'));

    // A dashboard tab holds control; the API drives anyway and never takes control from it.
    const dashboard = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-a');
    expect(dashboard.snapshot.control.controllerClientId).toBe('tab-a');
    const states = record(dashboard.socket, 'meeting.state');
    const phone = await suite.live.attendee(meeting, 'Ada');
    const slow = await suite.live.attendee(meeting, 'Bob');

    const phases: string[] = [];
    const expectDashboardAt = async (state: LiveStateDto) => {
      phases.push(state.phase);
      await until(`dashboard at ${state.phase}`, () => states.some((s) => s.version === state.version));
      expect(states.find((s) => s.version === state.version)).toMatchObject({
        phase: state.phase,
        questionIndex: state.questionIndex,
      });
    };

    // Before the start: no results yet, everyone who joined on 0 points.
    const before = await v1<LiveView>(control, 'GET', `/meetings/${meeting.id}/live`);
    expect(before.body).toMatchObject({
      state: { phase: 'before' },
      results: null,
      scoreboard: { attendeeCount: 2 },
    });
    expect(before.body.scoreboard.entries.map((e) => e.total)).toEqual([0, 0]);

    await expectDashboardAt(await command(control, meeting.id, 'start'));
    const opened = await command(control, meeting.id, 'next');
    expect(opened).toMatchObject({ phase: 'question_open', questionIndex: 0, question: { id: quiz.id } });
    await expectDashboardAt(opened);

    // A refused transition is a 409 with the rule's code, and changes nothing.
    const illegal = await v1<ApiErrorDto>(control, 'POST', `/meetings/${meeting.id}/live/results`);
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('meeting.illegal_transition');
    // A stale expectedVersion is refused too.
    const stale = await v1<ApiErrorDto>(control, 'POST', `/meetings/${meeting.id}/live/close`, {
      expectedVersion: opened.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('meeting.version_conflict');
    expect(await suite.live.liveVersion(meeting.id)).toBe(opened.version);

    const [right, wrong] = choiceIdsOf(quiz);
    ok(await suite.live.answer(phone.socket, quiz.id, { type: 'quiz', choiceIds: [right!] }));
    ok(await suite.live.answer(slow.socket, quiz.id, { type: 'quiz', choiceIds: [wrong!] }));

    // close, retried with one Idempotency-Key: one transition, the first answer replayed.
    const key = { 'idempotency-key': randomUUID() };
    const body = { expectedVersion: opened.version };
    const closed = await v1<LiveStateDto>(control, 'POST', `/meetings/${meeting.id}/live/close`, body, key);
    const retried = await v1<LiveStateDto>(control, 'POST', `/meetings/${meeting.id}/live/close`, body, key);
    expect(closed.status).toBe(200);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(closed.body);
    expect(closed.body.phase).toBe('question_closed');
    expect(await suite.live.liveVersion(meeting.id)).toBe(opened.version + 1);
    await expectDashboardAt(closed.body);

    const shown = await command(control, meeting.id, 'results');
    await expectDashboardAt(shown);

    // What the API reads is what a dashboard that opens the meeting now gets.
    const fresh = await suite.live.organizer(suite.owner.client.cookie, meeting.id);
    const live = await v1<LiveView>(control, 'GET', `/meetings/${meeting.id}/live`);
    expect(live.status).toBe(200);
    const { serverTime: _a, ...apiState } = live.body.state;
    const { serverTime: _b, ...dashboardState } = fresh.snapshot.state;
    expect(apiState).toEqual(dashboardState);
    expect(live.body.results).toEqual(fresh.snapshot.results);
    expect(live.body.results).toMatchObject({ type: 'quiz', answered: 2, correctCount: 1 });
    expect(live.body.scoreboard).toEqual(fresh.snapshot.scoreboard);
    expect(live.body.control).toEqual(fresh.snapshot.control);
    expect(live.body.control.controllerClientId).toBe('tab-a');

    const scoreboard = await v1<ScoreboardDto>(control, 'GET', `/meetings/${meeting.id}/scoreboard`);
    expect(scoreboard.body).toEqual(fresh.snapshot.scoreboard);
    expect(scoreboard.body.entries.map((e) => [e.nickname, e.rank])).toEqual([
      ['Ada', 1],
      ['Bob', 2],
    ]);
    expect(scoreboard.body.entries[0]!.quizPoints).toBeGreaterThan(0);
    const top1 = await v1<ScoreboardDto>(control, 'GET', `/meetings/${meeting.id}/scoreboard?top=1`);
    expect(top1.body).toMatchObject({ attendeeCount: 2, entries: [{ nickname: 'Ada' }] });
    expect(top1.body.entries).toHaveLength(1);
    expect((await v1(control, 'GET', `/meetings/${meeting.id}/scoreboard?top=0`)).status).toBe(400);

    const results = await v1<AllResults>(control, 'GET', `/meetings/${meeting.id}/results`);
    expect(results.body.questions.map((q) => q.question.type)).toEqual(['quiz', 'poll']);
    expect(results.body.questions[0]!.results).toEqual(fresh.snapshot.results);

    await expectDashboardAt(await command(control, meeting.id, 'scoreboard'));
    const second = await command(control, meeting.id, 'next');
    expect(second).toMatchObject({ phase: 'question_open', questionIndex: 1 });
    await expectDashboardAt(second);
    expect((await v1(control, 'POST', `/meetings/${meeting.id}/live/back`)).status).toBe(409);
    await expectDashboardAt(await command(control, meeting.id, 'close'));
    const back = await command(control, meeting.id, 'back');
    expect(back).toMatchObject({ phase: 'question_closed', questionIndex: 0, question: { id: quiz.id } });
    await expectDashboardAt(back);
    const ended = await command(control, meeting.id, 'end');
    expect(ended).toMatchObject({ phase: 'after', questionIndex: null });
    await expectDashboardAt(ended);
    expect(phases).toEqual([
      'waiting',
      'question_open',
      'question_closed',
      'results',
      'scoreboard',
      'question_open',
      'question_closed',
      'question_closed',
      'after',
    ]);

    // The dashboard still holds control: the API never took it.
    const after = ok(
      await request(dashboard.socket, 'meeting.join', { meetingId: meeting.id, clientId: 'tab-a' }),
    );
    expect(after).toMatchObject({
      audience: 'organizer',
      state: { phase: 'after' },
      control: { controllerClientId: 'tab-a' },
    });
    const summary = await v1<MeetingSummaryDto[]>(control, 'GET', '/meetings');
    expect(summary.body.find((m) => m.id === meeting.id)?.phase).toBe('after');
  });

  it('lists every v1 meetings route in the OpenAPI document with its responses', async () => {
    const doc = await suite.owner.client.get<{
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; description?: string; requestBody?: unknown }>
      >;
    }>('/api/docs-json');
    const base = '/api/v1/workspaces/{workspaceId}/meetings';
    const expected: [string, string, string][] = [
      ['', 'get', '200'],
      ['', 'post', '201'],
      ['/{meetingId}', 'get', '200'],
      ['/{meetingId}', 'patch', '200'],
      ['/{meetingId}', 'delete', '204'],
      ['/{meetingId}/questions', 'get', '200'],
      ['/{meetingId}/questions', 'post', '201'],
      ['/{meetingId}/questions/{questionId}', 'get', '200'],
      ['/{meetingId}/questions/{questionId}', 'put', '200'],
      ['/{meetingId}/questions/{questionId}', 'delete', '204'],
      ['/{meetingId}/question-order', 'put', '200'],
      ['/{meetingId}/live', 'get', '200'],
      ['/{meetingId}/results', 'get', '200'],
      ['/{meetingId}/scoreboard', 'get', '200'],
      ...['start', 'next', 'back', 'close', 'results', 'scoreboard', 'end'].map(
        (c): [string, string, string] => [`/{meetingId}/live/${c}`, 'post', '200'],
      ),
    ];
    for (const [path, method, status] of expected) {
      const operation = doc.body.paths[`${base}${path}`]?.[method];
      expect([path, method, Object.keys(operation?.responses ?? {})]).toEqual([
        path,
        method,
        expect.arrayContaining([status, '401', '403', '404']),
      ]);
    }
    const start = doc.body.paths[`${base}/{meetingId}/live/start`]!['post']!;
    expect(Object.keys(start.responses)).toEqual(expect.arrayContaining(['400', '409']));
    // The route's own 404 (a meeting) wins over the common one (a workspace), and the control lock is explained.
    const notFound = start.responses['404'] as {
      content?: Record<string, { schema?: { example?: unknown } }>;
    };
    expect(notFound.content?.['application/json']?.schema?.example).toMatchObject({
      code: 'meeting.not_found',
    });
    expect(start.description).toContain('Control lock');
    expect(start.requestBody).toBeDefined();
  });
});
