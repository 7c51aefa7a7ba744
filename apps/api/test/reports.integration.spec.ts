import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  ConnectionDto,
  CreatedApiTokenDto,
  MeetingReportDto,
  QuestionDto,
  RehearsalInjectionDto,
  ReportDto,
  ReportListDto,
  RewardDto,
  StreamReportDto,
} from '@podium/contracts';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { ViewerSamplerJob } from '../src/modules/reports/viewer-sampler.job';
import { FakeOwncast, postOwncastWebhook } from '@podium/fakes';
import { newMember, newQuestionInput } from './support/factories';
import { ok, until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';

/** Stream and meeting reports, built from real events against the real PostgreSQL. */
describe('reports (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const client = () => suite.owner.client;
  const inject = async (body: Record<string, unknown>) => {
    const result = await client().post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, body);
    expect(result.status).toBe(201);
    return result.body;
  };
  const list = async (query = '') => (await client().get<ReportListDto>(`${ws()}/reports${query}`)).body;
  const download = async (reportId: string, format: 'csv' | 'json') =>
    fetch(`${suite.app.baseUrl}${ws()}/reports/${reportId}/export?format=${format}`, {
      headers: { cookie: client().cookie ?? '' },
    });

  it('reports a rehearsal stream with exactly what happened between online and offline', async () => {
    const reward = await client().post<RewardDto>(`${ws()}/rewards`, {
      name: `song${randomUUID().slice(0, 4)}`,
      type: 'note',
      price: 40,
    });
    expect(reward.status).toBe(201);
    // Before the stream: a line and 100 points, neither counted.
    const before = await inject({ kind: 'message', viewer: { displayName: 'Ada' }, text: 'early' });
    const ada = before.events[0]!.viewerId!;
    const ledger = suite.app.podium.app.get(PointsLedger);
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId: ada,
        amount: 100,
        reason: 'adjust',
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));

    await inject({ kind: 'stream_online' });
    await inject({ kind: 'message', viewer: { displayName: 'Ada' }, text: 'hello' });
    await inject({ kind: 'message', viewer: { displayName: 'Bob' }, text: 'hi all' });
    await inject({ kind: 'message', viewer: { displayName: 'Bob' }, text: 'nice stream' });
    await inject({ kind: 'follow', viewer: { displayName: 'Bob' } });
    await inject({ kind: 'follow', viewer: { displayName: 'Cy' } });
    await inject({ kind: 'cheer', viewer: { displayName: 'Cy' }, amounts: { bits: 100 }, text: 'cheer100' });
    await inject({
      kind: 'message',
      viewer: { displayName: 'Ada' },
      text: `!${reward.body.name} the blue one`,
    });
    await until(
      'the redemption',
      async () =>
        (await suite.db.query(`SELECT 1 FROM redemptions WHERE workspace_id = $1`, [suite.owner.workspaceId]))
          .length === 1,
    );
    // The bot's reply comes back on the rehearsal connection flagged as a bot: not a viewer's line.
    await until(
      'the bot reply',
      async () =>
        (
          await suite.db.query(
            `SELECT 1 FROM chat_events WHERE workspace_id = $1 AND payload->'detail'->>'isBot' = 'true'`,
            [suite.owner.workspaceId],
          )
        ).length >= 1,
    );
    const offline = await inject({ kind: 'stream_offline' });

    let reports: ReportListDto = { reports: [], nextBefore: null };
    await until('the stream report', async () => (reports = await list('?kind=stream')).reports.length === 1);
    const summary = reports.reports[0]!;
    expect(summary).toMatchObject({ kind: 'stream', title: 'Rehearsal', platform: 'rehearsal', headline: 4 });
    const got = await client().get<StreamReportDto>(`${ws()}/reports/${summary.id}`);
    expect(got.status).toBe(200);
    const report = got.body;
    expect(report.totals).toEqual({
      chatMessages: 4,
      uniqueChatters: 2,
      follows: 2,
      subscriptions: 0,
      giftedSubscriptions: 0,
      bits: 100,
      raids: 0,
      raidViewers: 0,
      donations: 0,
      donationAmounts: {},
      redemptions: 1,
      // Default action points: 50 a follow, 50 per 100 bits; the adjustment before the stream is out.
      pointsGiven: 150,
      pointsSpent: 40,
    });
    expect(report.endedAt).toBe(offline.events[0]!.occurredAt);
    expect(report.activity.reduce((sum, bucket) => sum + bucket.messages, 0)).toBe(4);
    expect(report.viewers).toEqual([]);
    expect(report.viewerSource).toEqual({ sampled: false, note: 'Rehearsal has no audience to count' });

    // Recomputing gives the same numbers; a retried offline event rewrites the same report.
    const again = await client().post<StreamReportDto>(`${ws()}/reports/${summary.id}/recompute`);
    expect(again.status).toBe(200);
    expect(again.body.totals).toEqual(report.totals);
    expect((await list()).reports).toHaveLength(1);

    // A second offline without a new online ends nothing.
    await inject({ kind: 'stream_offline' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await list('?kind=stream')).reports).toHaveLength(1);

    // CSV with its header and the rows; JSON is the report itself.
    const csv = await download(summary.id, 'csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="podium-stream-report-.+\.csv"$/,
    );
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,name,at,value');
    expect(lines).toEqual(
      expect.arrayContaining([
        'totals,chatMessages,,4',
        'totals,uniqueChatters,,2',
        'totals,follows,,2',
        'totals,bits,,100',
        'totals,redemptions,,1',
        'totals,pointsGiven,,150',
        'totals,pointsSpent,,40',
      ]),
    );
    const json = await download(summary.id, 'json');
    expect(json.headers.get('content-disposition')).toContain('.json"');
    expect((await json.json()) as ReportDto).toEqual(again.body);
  });

  it('samples viewer counts of live streams only where the platform gives them', async () => {
    const sampler = suite.app.podium.app.get(ViewerSamplerJob);
    const liveRows = () =>
      suite.db.query(`SELECT 1 FROM report_live_streams WHERE workspace_id = $1`, [suite.owner.workspaceId]);
    await inject({ kind: 'stream_online' });
    await until('the stream is watched', async () => (await liveRows()).length === 1);
    // The rehearsal adapter has no viewer count: nothing sampled, nothing thrown.
    expect(await sampler.sample(new Date())).toBe(0);
    expect(
      await suite.db.query(`SELECT 1 FROM report_viewer_samples WHERE workspace_id = $1`, [
        suite.owner.workspaceId,
      ]),
    ).toHaveLength(0);
    await inject({ kind: 'stream_offline' });
    await until('the stream is forgotten', async () => (await liveRows()).length === 0);
  });

  it("draws an Owncast stream's viewer curve from /api/status samples", async () => {
    const fake = await FakeOwncast.start({ accessToken: 'owncast-reports-token-0123456789' });
    try {
      const connected = await client().post<ConnectionDto>(`${ws()}/connections/owncast`, {
        instanceUrl: `${fake.url}/`,
        accessToken: 'owncast-reports-token-0123456789',
      });
      expect(connected.status).toBe(201);
      const hook = `${suite.app.baseUrl}${new URL(connected.body.webhookUrl!).pathname}`;
      const stream = (type: 'STREAM_STARTED' | 'STREAM_STOPPED') =>
        postOwncastWebhook(hook, {
          type,
          eventData: {
            id: `t-${randomUUID().slice(0, 12)}`,
            streamTitle: 'Night build',
            timestamp: new Date().toISOString(),
          },
        });
      const sampler = suite.app.podium.app.get(ViewerSamplerJob);
      expect((await stream('STREAM_STARTED')).status).toBe(200);
      await until(
        'the Owncast stream is watched',
        async () =>
          (
            await suite.db.query(`SELECT 1 FROM report_live_streams WHERE connection_id = $1`, [
              connected.body.id,
            ])
          ).length === 1,
      );
      fake.viewerCount = 12;
      expect(await sampler.sample(new Date())).toBe(1);
      fake.viewerCount = 30;
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await sampler.sample(new Date())).toBe(1);
      expect((await stream('STREAM_STOPPED')).status).toBe(200);

      let report: StreamReportDto | undefined;
      await until('the Owncast report', async () => {
        const owncast = (await list('?kind=stream')).reports.find((r) => r.platform === 'owncast');
        if (owncast) report = (await client().get<StreamReportDto>(`${ws()}/reports/${owncast.id}`)).body;
        return report !== undefined;
      });
      expect(report!.viewers.map((sample) => sample.viewers)).toEqual([12, 30]);
      expect(report!).toMatchObject({ peakViewers: 30, averageViewers: 21 });
      expect(report!.viewerSource.sampled).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('reports a meeting: attendance, participation per question and correct rates', async () => {
    const { meeting, questions } = await suite.meetingWith(
      newQuestionInput('slide'),
      newQuestionInput('quiz'),
      newQuestionInput('poll'),
    );
    const [, quiz, poll] = questions as [QuestionDto, QuestionDto, QuestionDto];
    const choices = (question: QuestionDto) =>
      question.type === 'quiz' || question.type === 'poll' ? question.choices.map((c) => c.id) : [];
    const organizer = await suite.live.organizer(client().cookie, meeting.id, 'tab-report');
    const phones = [
      await suite.live.attendee(meeting, 'Ann'),
      await suite.live.attendee(meeting, 'Ben'),
      await suite.live.attendee(meeting, 'Cat'),
      await suite.live.attendee(meeting, 'Dan'),
    ];
    const drive = async (command: 'start' | 'next' | 'close' | 'end') =>
      ok(await suite.live.command(organizer.socket, meeting.id, command));
    await drive('start');
    await drive('next'); // the slide
    await drive('next'); // the quiz: Ann and Ben right, Cat wrong, Dan silent
    const [right, wrong] = choices(quiz);
    ok(await suite.live.answer(phones[0]!.socket, quiz.id, { type: 'quiz', choiceIds: [right!] }));
    ok(await suite.live.answer(phones[1]!.socket, quiz.id, { type: 'quiz', choiceIds: [right!] }));
    ok(await suite.live.answer(phones[2]!.socket, quiz.id, { type: 'quiz', choiceIds: [wrong!] }));
    await drive('close');
    await drive('next'); // the poll: Ann only
    ok(await suite.live.answer(phones[0]!.socket, poll.id, { type: 'poll', choiceIds: [choices(poll)[0]!] }));
    await drive('end');

    let reports: ReportListDto = { reports: [], nextBefore: null };
    await until(
      'the meeting report',
      async () => (reports = await list('?kind=meeting')).reports.length === 1,
    );
    expect(reports.reports[0]).toMatchObject({
      kind: 'meeting',
      title: meeting.title,
      platform: null,
      headline: 4,
    });
    const report = (await client().get<MeetingReportDto>(`${ws()}/reports/${reports.reports[0]!.id}`)).body;
    expect(report.meetingId).toBe(meeting.id);
    expect(report.attendance).toEqual({ attendees: 4, participants: 3 });
    expect(report.questions).toEqual([
      {
        questionId: quiz.id,
        position: 1,
        type: 'quiz',
        title: quiz.title,
        answers: 3,
        participationRate: 0.75,
        correct: 2,
        correctRate: 0.6667,
      },
      {
        questionId: poll.id,
        position: 2,
        type: 'poll',
        title: poll.title,
        answers: 1,
        participationRate: 0.25,
        correct: null,
        correctRate: null,
      },
    ]);
    const csv = await download(report.id, 'csv');
    expect((await csv.text()).split('\r\n').slice(0, 3)).toEqual([
      'position,type,title,answers,attendees,participationRate,correct,correctRate',
      `2,quiz,${quiz.title},3,4,0.75,2,0.6667`,
      `3,poll,${poll.title},1,4,0.25,,`,
    ]);
  });

  it('pages reports newest first; viewers read, only moderators recompute; unknown ids are 404', async () => {
    const all = await list();
    expect(all.reports.length).toBeGreaterThanOrEqual(2);
    const firstPage = await list('?limit=1');
    expect(firstPage.reports).toHaveLength(1);
    expect(firstPage.reports[0]!.id).toBe(all.reports[0]!.id);
    const second = await list(`?limit=1&before=${firstPage.nextBefore}`);
    expect(second.reports[0]!.id).toBe(all.reports[1]!.id);

    const stranger = await newMember(client(), suite.owner.workspaceId, 'viewer');
    expect((await stranger.client.get<ReportListDto>(`${ws()}/reports`)).status).toBe(200);
    const refused = await stranger.client.post<ApiErrorDto>(
      `${ws()}/reports/${all.reports[0]!.id}/recompute`,
    );
    expect(refused.status).toBe(403);
    const missing = await client().get<ApiErrorDto>(`${ws()}/reports/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('reports.report_not_found');
    const bad = await client().get<ApiErrorDto>(`${ws()}/reports?kind=party`);
    expect(bad.status).toBe(400);
  });

  it('serves reports through /api/v1 to a token with reports:read only', async () => {
    const token = async (scopes: string[]) => {
      const created = await client().post<CreatedApiTokenDto>(`${ws()}/api-tokens`, {
        name: `reports ${randomUUID().slice(0, 6)}`,
        scopes,
      });
      expect(created.status).toBe(201);
      return created.body.token;
    };
    const v1 = (bearer: string, path: string) =>
      fetch(`${suite.app.baseUrl}/api/v1/workspaces/${suite.owner.workspaceId}/reports${path}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
    const reader = await token(['reports:read']);
    const listed = await v1(reader, '?kind=meeting');
    expect(listed.status).toBe(200);
    const page = (await listed.json()) as ReportListDto;
    expect(page.reports.map((r) => r.kind)).toEqual(['meeting']);
    const one = await v1(reader, `/${page.reports[0]!.id}`);
    expect(((await one.json()) as MeetingReportDto).attendance).toEqual({ attendees: 4, participants: 3 });
    const csv = await v1(reader, `/${page.reports[0]!.id}/export?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).startsWith('position,type,title,answers,')).toBe(true);

    const other = await token(['points:read']);
    const refused = await v1(other, '');
    expect(refused.status).toBe(403);
    expect(await v1(reader, `/${randomUUID()}`).then((r) => r.status)).toBe(404);
  });
});
