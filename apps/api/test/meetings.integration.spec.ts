import type {
  ApiErrorDto,
  MeetingDto,
  MeetingSummaryDto,
  QuestionDto,
  QuestionInput,
  QuestionsExport,
  QuestionType,
} from '@podium/contracts';
import { QUESTION_TYPES } from '@podium/contracts';
import { newMeeting, newMember, newQuestion, newQuestionInput } from './support/factories';
import { HttpClient } from './support/http-client';
import { useTestSuite } from './support/test-suite';

describe('meetings and their questions (PostgreSQL)', () => {
  const suite = useTestSuite();

  const meetingsUrl = () => `/api/workspaces/${suite.owner.workspaceId}/meetings`;
  const meetingUrl = (meeting: Pick<MeetingDto, 'id'>) => `${meetingsUrl()}/${meeting.id}`;
  const getMeeting = async (meeting: Pick<MeetingDto, 'id'>) =>
    (await suite.owner.client.get<MeetingDto>(meetingUrl(meeting))).body;
  const questionCount = async (meetingId: string) =>
    Number(
      (
        await suite.db.query<{ n: string }>(
          'select count(*) as n from meeting_questions where meeting_id = $1',
          [meetingId],
        )
      )[0]!.n,
    );

  it('creates, lists newest first, reads, edits and deletes meetings', async () => {
    const first = await newMeeting(suite.owner.client, suite.owner.workspaceId, { title: 'Kick-off' });
    expect(first).toMatchObject({
      workspaceId: suite.owner.workspaceId,
      title: 'Kick-off',
      description: '',
      kind: 'in_room',
      phase: 'before',
      questionCount: 0,
      questions: [],
    });
    expect(first.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    const second = await newMeeting(suite.owner.client, suite.owner.workspaceId, {
      title: 'Retro',
      kind: 'both',
    });
    await newQuestion(suite.owner.client, second);

    const list = await suite.owner.client.get<MeetingSummaryDto[]>(meetingsUrl());
    expect(list.status).toBe(200);
    const ids = list.body.map((m) => m.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(list.body.find((m) => m.id === second.id)).toMatchObject({ kind: 'both', questionCount: 1 });

    const edited = await suite.owner.client.patch<MeetingDto>(meetingUrl(first), {
      title: '  Kick-off, take two ',
      description: 'Agenda',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Kick-off, take two',
      description: 'Agenda',
      kind: 'in_room',
    });
    const blank = await suite.owner.client.patch<ApiErrorDto>(meetingUrl(first), { title: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.field).toBe('title');
    expect((await getMeeting(first)).title).toBe('Kick-off, take two');

    expect((await suite.owner.client.delete(meetingUrl(first))).status).toBe(204);
    const gone = await suite.owner.client.get<ApiErrorDto>(meetingUrl(first));
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('meeting.not_found');
    expect(await suite.db.query('select id from meetings where id = $1', [first.id])).toHaveLength(0);
  });

  it('round-trips all six question types, filling choice ids and keeping given ones', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const created: QuestionDto[] = [];
    for (const type of QUESTION_TYPES)
      created.push(await newQuestion(suite.owner.client, meeting, newQuestionInput(type)));
    expect(created.map((q) => [q.type, q.position])).toEqual(QUESTION_TYPES.map((type, i) => [type, i]));

    const stored = await getMeeting(meeting);
    expect(stored.questions).toEqual(created);
    const byType = <T extends QuestionType>(type: T) =>
      stored.questions.find((q): q is Extract<QuestionDto, { type: T }> => q.type === type)!;

    expect(byType('slide')).toMatchObject({
      body: '# Welcome\nGlad you came.',
      imageUrl: 'https://example.org/a.png',
    });
    expect(byType('poll')).toMatchObject({
      multiple: false,
      hideResultsUntilClosed: false,
      allowAnswerChange: true,
      timeLimitSeconds: null,
    });
    const quiz = byType('quiz');
    expect(quiz).toMatchObject({ scoring: 'standard', speedMaxPoints: 1000, allowAnswerChange: false });
    expect(quiz.choices.map((c) => [c.label, c.correct])).toEqual([
      ['Paris', true],
      ['Lyon', false],
    ]);
    const ids = quiz.choices.map((c) => c.id);
    expect(new Set(ids).size).toBe(2);
    ids.forEach((id) => expect(id).toMatch(/^[A-Za-z0-9_-]{1,40}$/));
    expect(byType('wordcloud')).toMatchObject({
      maxWordsPerAttendee: 2,
      maxWordLength: 25,
      bannedWords: ['rude'],
    });
    expect(byType('rating')).toMatchObject({ scale: 'ten', hideResultsUntilClosed: false });
    expect(byType('qa')).toMatchObject({ timeLimitSeconds: 120 });

    // Replacing keeps the ids the editor sends back and gives new choices new ones.
    const replaced = await suite.owner.client.put<QuestionDto>(
      `${meetingUrl(meeting)}/questions/${quiz.id}`,
      {
        type: 'quiz',
        title: 'Capital of France?',
        choices: [
          { id: ids[1], label: 'Lyon' },
          { id: ids[0], label: 'Paris', correct: true },
          { label: 'Nice' },
        ],
        scoring: 'speed',
        timeLimitSeconds: 20,
      } satisfies QuestionInput,
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id: quiz.id,
      position: quiz.position,
      title: 'Capital of France?',
    });
    const newChoices = (replaced.body as Extract<QuestionDto, { type: 'quiz' }>).choices;
    expect(newChoices.slice(0, 2).map((c) => c.id)).toEqual([ids[1], ids[0]]);
    expect(newChoices[2]!.id).not.toMatch(new RegExp(`^(${ids.join('|')})$`));
    expect((await getMeeting(meeting)).questions[quiz.position]).toEqual(replaced.body);
  });

  it('refuses bad questions with 400 naming the field, storing nothing', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const url = `${meetingUrl(meeting)}/questions`;
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Option ${i}` }));
    const cases: [unknown, string][] = [
      [{ type: 'essay', title: 'Tell me' }, 'type'],
      [{ type: 'quiz', title: 'No answer', choices: [{ label: 'a' }, { label: 'b' }] }, 'choices'],
      [
        {
          type: 'quiz',
          title: 'Fast',
          choices: [{ label: 'a', correct: true }, { label: 'b' }],
          scoring: 'speed',
        },
        'timeLimitSeconds',
      ],
      [{ type: 'poll', title: 'Too many', choices: choices(11) }, 'choices'],
      [{ type: 'poll', title: 'One', choices: choices(1) }, 'choices'],
      [{ type: 'poll', title: 'x'.repeat(5_000), choices: choices(2) }, 'title'],
      [
        { type: 'poll', title: 'Long label', choices: [{ label: 'y'.repeat(201) }, { label: 'b' }] },
        'choices.0.label',
      ],
      [{ type: 'slide', title: 'Big', body: 'z'.repeat(5_001) }, 'body'],
      [{ type: 'slide', title: 'Script', imageUrl: 'javascript:alert(1)' }, 'imageUrl'],
      [{ type: 'rating', title: 'Scale', scale: 'stars7' }, 'scale'],
    ];
    for (const [body, field] of cases) {
      const result = await suite.owner.client.post<ApiErrorDto>(url, body);
      expect({ field, status: result.status, got: result.body.field, code: result.body.code }).toEqual({
        field,
        status: 400,
        got: field,
        code: 'validation.failed',
      });
    }
    const tooBig = await suite.owner.client.request<ApiErrorDto>(
      'POST',
      url,
      undefined,
      JSON.stringify({
        type: 'slide',
        title: 'Huge',
        body: 'w'.repeat(400_000),
      }),
    );
    expect(tooBig.status).toBe(413);
    expect(await questionCount(meeting.id)).toBe(0);
  });

  it('reorders with every id exactly once and refuses anything else', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const [a, b, c] = [
      await newQuestion(suite.owner.client, meeting),
      await newQuestion(suite.owner.client, meeting, newQuestionInput('rating')),
      await newQuestion(suite.owner.client, meeting, newQuestionInput('qa')),
    ];
    const url = `${meetingUrl(meeting)}/question-order`;
    const reordered = await suite.owner.client.put<QuestionDto[]>(url, {
      questionIds: [c!.id, a!.id, b!.id],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.map((q) => [q.id, q.position])).toEqual([
      [c!.id, 0],
      [a!.id, 1],
      [b!.id, 2],
    ]);

    const other = await newQuestion(
      suite.owner.client,
      await newMeeting(suite.owner.client, suite.owner.workspaceId),
    );
    for (const questionIds of [
      [c!.id, a!.id],
      [c!.id, a!.id, a!.id],
      [c!.id, a!.id, b!.id, b!.id],
      [c!.id, a!.id, other.id],
    ]) {
      const refused = await suite.owner.client.put<ApiErrorDto>(url, { questionIds });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'meeting.invalid_order', field: 'questionIds' });
    }
    expect((await getMeeting(meeting)).questions.map((q) => q.id)).toEqual([c!.id, a!.id, b!.id]);
  });

  it('duplicates a question right after it, and deletes one closing the gap', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const first = await newQuestion(suite.owner.client, meeting, newQuestionInput('quiz'));
    const last = await newQuestion(suite.owner.client, meeting, newQuestionInput('slide'));
    const copy = await suite.owner.client.post<QuestionDto>(
      `${meetingUrl(meeting)}/questions/${first.id}/duplicate`,
    );
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(first.id);
    expect({ ...copy.body, id: first.id, position: 0 }).toEqual(first);
    expect((await getMeeting(meeting)).questions.map((q) => q.id)).toEqual([first.id, copy.body.id, last.id]);

    expect((await suite.owner.client.delete(`${meetingUrl(meeting)}/questions/${first.id}`)).status).toBe(
      204,
    );
    const after = await getMeeting(meeting);
    expect(after.questions.map((q) => [q.id, q.position])).toEqual([
      [copy.body.id, 0],
      [last.id, 1],
    ]);
    const missing = await suite.owner.client.delete<ApiErrorDto>(
      `${meetingUrl(meeting)}/questions/${first.id}`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('meeting.question_not_found');
  });

  it('duplicates a meeting with its questions, a new code and no live state', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId, {
      title: 'Quiz night',
      kind: 'stream',
    });
    for (const type of ['quiz', 'poll', 'wordcloud'] as const) {
      await newQuestion(suite.owner.client, meeting, newQuestionInput(type));
    }
    await suite.db.query(`update meetings set phase = 'after', live_version = 7 where id = $1`, [meeting.id]);
    const copy = await suite.owner.client.post<MeetingDto>(`${meetingUrl(meeting)}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      title: 'Quiz night (copy)',
      kind: 'stream',
      phase: 'before',
      questionCount: 3,
    });
    expect(copy.body.joinCode).not.toBe(meeting.joinCode);
    const original = await getMeeting(meeting);
    const strip = (q: QuestionDto) => ({ ...q, id: '', meetingId: '' });
    expect(copy.body.questions.map(strip)).toEqual(original.questions.map(strip));
    const [row] = await suite.db.query<{ live_version: number }>(
      'select live_version from meetings where id = $1',
      [copy.body.id],
    );
    expect(row!.live_version).toBe(0);
  });

  it('exports questions and imports them back, appended', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    for (const type of QUESTION_TYPES) await newQuestion(suite.owner.client, meeting, newQuestionInput(type));
    const exported = await suite.owner.client.get<QuestionsExport>(`${meetingUrl(meeting)}/questions/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ format: 'podium.questions', version: 1 });
    expect(exported.body.questions.map((q) => q.type)).toEqual([...QUESTION_TYPES]);

    const target = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    await newQuestion(suite.owner.client, target, newQuestionInput('slide'));
    // Through JSON, as a downloaded file would be.
    const file = JSON.parse(JSON.stringify(exported.body)) as QuestionsExport;
    const imported = await suite.owner.client.post<QuestionDto[]>(
      `${meetingUrl(target)}/questions/import`,
      file,
    );
    expect(imported.status).toBe(201);
    expect(imported.body.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6]);
    const strip = ({ id: _id, meetingId: _m, position: _p, ...rest }: QuestionDto) => rest;
    expect(imported.body.map(strip)).toEqual((await getMeeting(meeting)).questions.map(strip));

    const bad = await suite.owner.client.post<ApiErrorDto>(`${meetingUrl(target)}/questions/import`, {
      ...file,
      questions: [file.questions[0], { type: 'poll', title: 'one choice', choices: [{ label: 'a' }] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('questions.1.choices');
    const wrongFormat = await suite.owner.client.post<ApiErrorDto>(`${meetingUrl(target)}/questions/import`, {
      ...file,
      format: 'slido',
    });
    expect(wrongFormat.body.field).toBe('format');
    expect(await questionCount(target.id)).toBe(7);
  });

  it('lets viewers read but not edit, and hides meetings from non-members', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId, { title: 'Board' });
    const question = await newQuestion(suite.owner.client, meeting);
    const viewer = await newMember(suite.owner.client, suite.owner.workspaceId, 'viewer');
    expect((await viewer.client.get(meetingUrl(meeting))).status).toBe(200);
    expect((await viewer.client.get(meetingsUrl())).status).toBe(200);
    expect((await viewer.client.get(`${meetingUrl(meeting)}/questions/export`)).status).toBe(200);
    const attempts = [
      viewer.client.post(meetingsUrl(), { title: 'Mine' }),
      viewer.client.patch(meetingUrl(meeting), { title: 'Mine' }),
      viewer.client.delete(meetingUrl(meeting)),
      viewer.client.post(`${meetingUrl(meeting)}/questions`, newQuestionInput('poll')),
      viewer.client.put(`${meetingUrl(meeting)}/questions/${question.id}`, newQuestionInput('poll')),
      viewer.client.post(`${meetingUrl(meeting)}/reset`),
      viewer.client.post(`${meetingUrl(meeting)}/join-code`),
      viewer.client.get(`/api/workspaces/${suite.owner.workspaceId}/flags`),
    ];
    for (const attempt of await Promise.all(attempts)) {
      expect(attempt.status).toBe(403);
      expect((attempt.body as ApiErrorDto).code).toBe('workspace.forbidden');
    }
    expect((await getMeeting(meeting)).title).toBe('Board');

    const moderator = await newMember(suite.owner.client, suite.owner.workspaceId, 'moderator');
    expect((await moderator.client.patch(meetingUrl(meeting), { title: 'Board, edited' })).status).toBe(200);

    // Someone else's workspace: its meetings do not exist for us, and ours not for them.
    const outsider = await moderator.client.post<{ id: string }>('/api/workspaces', { name: 'Elsewhere' });
    const theirs = await newMeeting(moderator.client, outsider.body.id);
    expect(
      (await suite.owner.client.get(`/api/workspaces/${outsider.body.id}/meetings/${theirs.id}`)).status,
    ).toBe(404);
    // Our meeting under their workspace id: the meeting is not in that workspace.
    const crossed = await moderator.client.get<ApiErrorDto>(
      `/api/workspaces/${outsider.body.id}/meetings/${meeting.id}`,
    );
    expect(crossed.status).toBe(404);
    expect(crossed.body.code).toBe('meeting.not_found');
    expect((await new HttpClient(suite.app.baseUrl).get(meetingsUrl())).status).toBe(401);
  });

  it('refuses to edit or delete the question that is open in the live run', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const open = await newQuestion(suite.owner.client, meeting);
    const closed = await newQuestion(suite.owner.client, meeting, newQuestionInput('rating'));
    await suite.db.query(
      `update meetings set phase = 'question_open', current_question_id = $2 where id = $1`,
      [meeting.id, open.id],
    );
    const edit = await suite.owner.client.put<ApiErrorDto>(
      `${meetingUrl(meeting)}/questions/${open.id}`,
      newQuestionInput('poll'),
    );
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('meeting.question_open');
    expect((await suite.owner.client.delete(`${meetingUrl(meeting)}/questions/${open.id}`)).status).toBe(409);
    expect(
      (await suite.owner.client.put(`${meetingUrl(meeting)}/questions/${closed.id}`, newQuestionInput('qa')))
        .status,
    ).toBe(200);
    expect((await getMeeting(meeting)).questions[0]).toEqual(open);

    // Closed but still on screen: it can be edited, not deleted.
    await suite.db.query(`update meetings set phase = 'question_closed' where id = $1`, [meeting.id]);
    expect(
      (await suite.owner.client.put(`${meetingUrl(meeting)}/questions/${open.id}`, newQuestionInput('poll')))
        .status,
    ).toBe(200);
    expect((await suite.owner.client.delete(`${meetingUrl(meeting)}/questions/${open.id}`)).status).toBe(409);
  });
});
