import type { ApiErrorDto, FlagDto, JoinPreviewDto, MeetingDto, QuestionDto } from '@podium/contracts';
import { RealtimeGateway } from '../src/modules/realtime/realtime.gateway';
import { rooms } from '../src/modules/realtime/rooms';
import {
  joinMeeting,
  newMeeting,
  newMember,
  newOwner,
  newQuestion,
  newQuestionInput,
} from './support/factories';
import { HttpClient } from './support/http-client';
import { connectSocket, nextEvent } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { useTestSuite } from './support/test-suite';

describe('join codes, attendees and flags (PostgreSQL)', () => {
  const suite = useTestSuite();

  const meetingsUrl = () => `/api/workspaces/${suite.owner.workspaceId}/meetings`;
  const meetingUrl = (meeting: Pick<MeetingDto, 'id'>) => `${meetingsUrl()}/${meeting.id}`;

  it('regenerates the join code: the old one stops working', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId, { title: 'Town hall' });
    const anonymous = new HttpClient(suite.app.baseUrl);
    const preview = await anonymous.get<JoinPreviewDto>(`/api/join/${meeting.joinCode.toLowerCase()}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ meetingId: meeting.id, title: 'Town hall', phase: 'before' });

    const renewed = await suite.owner.client.post<MeetingDto>(`${meetingUrl(meeting)}/join-code`);
    expect(renewed.status).toBe(200);
    expect(renewed.body.joinCode).not.toBe(meeting.joinCode);
    const old = await anonymous.get<ApiErrorDto>(`/api/join/${meeting.joinCode}`);
    expect(old.status).toBe(404);
    expect(old.body.code).toBe('meeting.unknown_join_code');
    expect(
      (await anonymous.post<ApiErrorDto>('/api/join', { code: meeting.joinCode, nickname: 'Zoe' })).status,
    ).toBe(404);
    expect((await anonymous.get(`/api/join/${renewed.body.joinCode}`)).status).toBe(200);
    expect((await anonymous.get<ApiErrorDto>('/api/join/0OIL')).status).toBe(400);
  });

  it('lets attendees join with a nickname unique per meeting, whatever its case', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const other = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const joined = await joinMeeting(
      suite.app.baseUrl,
      ` ${meeting.joinCode.slice(0, 3)}-${meeting.joinCode.slice(3)} `,
      ' Ana ',
    );
    expect(joined.attendee.nickname).toBe('Ana');
    expect(joined.meeting).toEqual({ id: meeting.id, title: meeting.title });
    expect(joined.attendeeToken.startsWith(`${joined.attendee.id}.`)).toBe(true);

    const anonymous = new HttpClient(suite.app.baseUrl);
    for (const nickname of ['ana', 'ANA', 'Ａｎａ']) {
      const clash = await anonymous.post<ApiErrorDto>('/api/join', { code: meeting.joinCode, nickname });
      expect(clash.status).toBe(409);
      expect(clash.body).toMatchObject({ code: 'meeting.nickname_taken', field: 'nickname' });
    }
    await joinMeeting(suite.app.baseUrl, other.joinCode, 'ana');
    const blank = await anonymous.post<ApiErrorDto>('/api/join', { code: meeting.joinCode, nickname: '  ' });
    expect(blank.body.field).toBe('nickname');
    const invisible = await anonymous.post<ApiErrorDto>('/api/join', {
      code: meeting.joinCode,
      nickname: 'A\u0000na',
    });
    expect(invisible.status).toBe(400);

    // Two phones racing for one nickname: one wins.
    const race = await Promise.all(
      [0, 1].map(() => anonymous.post('/api/join', { code: meeting.joinCode, nickname: 'Bob' })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);

    await suite.db.query(`update meetings set phase = 'after' where id = $1`, [meeting.id]);
    const late = await anonymous.post<ApiErrorDto>('/api/join', { code: meeting.joinCode, nickname: 'Late' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('meeting.ended');
    const attendees = await suite.db.query<{ nickname: string }>(
      'select nickname from attendees where meeting_id = $1 order by nickname',
      [meeting.id],
    );
    expect(attendees.map((a) => a.nickname)).toEqual(['Ana', 'Bob']);
  });

  it('manages flags with codes unique per workspace', async () => {
    const flagsUrl = `/api/workspaces/${suite.owner.workspaceId}/flags`;
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const created = await suite.owner.client.post<FlagDto>(flagsUrl, {
      name: 'Hidden in slide 3',
      code: ' golden-owl ',
      points: 50,
      meetingId: meeting.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'GOLDEN-OWL',
      points: 50,
      meetingId: meeting.id,
      captures: 0,
    });

    const clash = await suite.owner.client.post<ApiErrorDto>(flagsUrl, {
      name: 'Again',
      code: 'Golden-Owl',
      points: 5,
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'flag.code_taken', field: 'code' });
    const badCode = await suite.owner.client.post<ApiErrorDto>(flagsUrl, {
      name: 'Spaces',
      code: 'a b c',
      points: 5,
    });
    expect(badCode.body.field).toBe('code');

    const outsider = await newMember(suite.owner.client, suite.owner.workspaceId, 'moderator');
    const elsewhere = await outsider.client.post<{ id: string }>('/api/workspaces', { name: 'Other' });
    const foreignMeeting = await newMeeting(outsider.client, elsewhere.body.id);
    const foreign = await suite.owner.client.post<ApiErrorDto>(flagsUrl, {
      name: 'Foreign',
      code: 'FOREIGN',
      points: 5,
      meetingId: foreignMeeting.id,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.field).toBe('meetingId');
    // The same code in another workspace is fine.
    expect(
      (
        await outsider.client.post(`/api/workspaces/${elsewhere.body.id}/flags`, {
          name: 'x',
          code: 'GOLDEN-OWL',
          points: 1,
        })
      ).status,
    ).toBe(201);

    const second = await suite.owner.client.post<FlagDto>(flagsUrl, {
      name: 'Everywhere',
      code: 'ALWAYS',
      points: 10,
    });
    expect(second.body.meetingId).toBeNull();
    const renamed = await suite.owner.client.patch<FlagDto>(`${flagsUrl}/${created.body.id}`, {
      name: 'Slide 3',
    });
    expect(renamed.body).toMatchObject({ name: 'Slide 3', meetingId: meeting.id, code: 'GOLDEN-OWL' });
    const taken = await suite.owner.client.patch<ApiErrorDto>(`${flagsUrl}/${created.body.id}`, {
      code: 'always',
    });
    expect(taken.status).toBe(409);
    const unscoped = await suite.owner.client.patch<FlagDto>(`${flagsUrl}/${created.body.id}`, {
      meetingId: null,
      points: 75,
    });
    expect(unscoped.body).toMatchObject({ meetingId: null, points: 75 });

    const list = await suite.owner.client.get<FlagDto[]>(flagsUrl);
    expect(list.body.map((f) => f.code)).toEqual(['GOLDEN-OWL', 'ALWAYS']);
    expect((await suite.owner.client.delete(`${flagsUrl}/${second.body.id}`)).status).toBe(204);
    expect((await suite.owner.client.delete<ApiErrorDto>(`${flagsUrl}/${second.body.id}`)).status).toBe(404);
    expect((await suite.owner.client.get<FlagDto[]>(flagsUrl)).body.map((f) => f.id)).toEqual([
      created.body.id,
    ]);
  });

  it('admits attendee sockets with a valid token only, and not after a reset', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const joined = await joinMeeting(suite.app.baseUrl, meeting.joinCode, 'Socket Sam');

    const { socket, ready } = await connectSocket(suite.app.baseUrl, { attendeeToken: joined.attendeeToken });
    suite.sockets.push(socket);
    expect(ready).toMatchObject({ kind: 'attendee', workspaceIds: [] });

    const [id, signature] = joined.attendeeToken.split('.') as [string, string];
    const otherId = (await joinMeeting(suite.app.baseUrl, meeting.joinCode)).attendee.id;
    // The first character: the last one carries two unused bits, so flipping it may not change the bytes.
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    for (const forged of [`${otherId}.${signature}`, `${id}.${flipped}`, id, `${id}.`, `x.${signature}`]) {
      await expect(connectSocket(suite.app.baseUrl, { attendeeToken: forged })).rejects.toThrow(
        'unauthenticated',
      );
    }

    const [before] = await suite.db.query<{ last_seen_at: Date; created_at: Date }>(
      'select last_seen_at, created_at from attendees where id = $1',
      [id],
    );
    expect(before!.last_seen_at.getTime()).toBeGreaterThanOrEqual(before!.created_at.getTime());

    await suite.db.query(`update meetings set phase = 'question_open', live_version = 3 where id = $1`, [
      meeting.id,
    ]);
    const reset = await suite.owner.client.post<MeetingDto>(`${meetingUrl(meeting)}/reset`);
    expect(reset.status).toBe(200);
    expect(reset.body.phase).toBe('before');
    expect(await suite.db.query('select id from attendees where meeting_id = $1', [meeting.id])).toHaveLength(
      0,
    );
    const [row] = await suite.db.query<{ live_version: number }>(
      'select live_version from meetings where id = $1',
      [meeting.id],
    );
    expect(row!.live_version).toBe(4);
    await expect(connectSocket(suite.app.baseUrl, { attendeeToken: joined.attendeeToken })).rejects.toThrow(
      'unauthenticated',
    );
  });

  it('tells the meeting rooms when it changes, and drops attendees on a reset', async () => {
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
    const question = await newQuestion(suite.owner.client, meeting);
    const joined = await joinMeeting(suite.app.baseUrl, meeting.joinCode);
    const organizer = (await connectSocket(suite.app.baseUrl, { cookie: suite.owner.client.cookie })).socket;
    const attendee = (await connectSocket(suite.app.baseUrl, { attendeeToken: joined.attendeeToken })).socket;
    suite.sockets.push(organizer, attendee);
    // meeting.join (the live module) is what puts sockets in these rooms; here the server does it.
    const server = suite.app.podium.app.get(RealtimeGateway).server;
    server.in(rooms.user(suite.owner.me.user.id)).socketsJoin(rooms.meetingOrganizers(meeting.id));
    server.in(rooms.attendee(joined.attendee.id)).socketsJoin(rooms.meetingAttendees(meeting.id));
    const [attendeeData] = (await server.in(rooms.attendee(joined.attendee.id)).fetchSockets()).map(
      (x) => x.data,
    );
    expect(attendeeData).toEqual({
      audience: 'attendee',
      attendeeId: joined.attendee.id,
      meetingId: meeting.id,
      workspaceId: suite.owner.workspaceId,
    });
    const organizerData = (await server.in(rooms.user(suite.owner.me.user.id)).fetchSockets()).map(
      (x) => x.data,
    );
    expect(organizerData).toContainEqual({ audience: 'organizer', userId: suite.owner.me.user.id });

    const seen = Promise.all([
      nextEvent(organizer, 'meeting.changed'),
      nextEvent(attendee, 'meeting.changed'),
    ]);
    await suite.owner.client.put(
      `${meetingUrl(meeting)}/questions/${question.id}`,
      newQuestionInput('rating'),
    );
    expect(await seen).toEqual([{ meetingId: meeting.id }, { meetingId: meeting.id }]);

    const dropped = new Promise<string>((resolve) => attendee.once('disconnect', resolve));
    const told = nextEvent(organizer, 'meeting.changed');
    await suite.owner.client.post(`${meetingUrl(meeting)}/reset`);
    expect(await told).toEqual({ meetingId: meeting.id });
    expect(await dropped).toBe('io server disconnect');
    expect(organizer.connected).toBe(true);
  });
});

// The default install runs on the embedded database, one transaction at a time: every write path
// here must read through its own transaction or it would wait for itself.
describe('meetings on the embedded database', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('prepares, reorders, copies, joins and resets a meeting', async () => {
    const owner = await newOwner(app.baseUrl);
    const meeting = await newMeeting(owner.client, owner.workspaceId);
    const url = `/api/workspaces/${owner.workspaceId}/meetings/${meeting.id}`;
    const [a, b] = [
      await newQuestion(owner.client, meeting, newQuestionInput('quiz')),
      await newQuestion(owner.client, meeting, newQuestionInput('wordcloud')),
    ];
    const reordered = await owner.client.put<QuestionDto[]>(`${url}/question-order`, {
      questionIds: [b.id, a.id],
    });
    expect(reordered.body.map((q) => q.id)).toEqual([b.id, a.id]);
    expect((await owner.client.post(`${url}/questions/${a.id}/duplicate`)).status).toBe(201);
    expect((await owner.client.put(`${url}/questions/${b.id}`, newQuestionInput('rating'))).status).toBe(200);
    expect((await owner.client.delete(`${url}/questions/${a.id}`)).status).toBe(204);
    const copy = await owner.client.post<MeetingDto>(`${url}/duplicate`);
    expect(copy.body.questionCount).toBe(2);
    expect((await owner.client.post(`${url}/join-code`)).status).toBe(200);

    const renewed = (await owner.client.get<MeetingDto>(url)).body;
    const joined = await joinMeeting(app.baseUrl, renewed.joinCode, 'Embedded Eve');
    const { socket } = await connectSocket(app.baseUrl, { attendeeToken: joined.attendeeToken });
    socket.close();
    expect((await owner.client.post(`${url}/reset`)).status).toBe(200);
    await expect(connectSocket(app.baseUrl, { attendeeToken: joined.attendeeToken })).rejects.toThrow(
      'unauthenticated',
    );
  });
});
