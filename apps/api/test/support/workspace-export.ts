import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  BackupScheduleDto,
  FlagDto,
  ImportResultDto,
  MediaDto,
  RedeemResultDto,
  RewardDto,
} from '@podium/contracts';
import { PointsLedger } from '../../src/modules/points/points-ledger';
import { newQuestionInput } from './factories';
import type { HttpClient } from './http-client';
import { choiceIdsOf, ok } from './live-harness';
import type { TestSuite } from './test-suite';

/** Workspace export / import fixtures: a one-pixel image, multipart uploads, a rich workspace. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export async function postFile<T>(
  baseUrl: string,
  path: string,
  cookie: string | undefined,
  bytes: Buffer,
  name: string,
  type: string,
): Promise<{ status: number; body: T }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: cookie ? { cookie } : {},
    body: form,
  });
  return { status: response.status, body: (await response.json()) as T };
}

export const importFile = (baseUrl: string, path: string, cookie: string | undefined, document: unknown) =>
  postFile<ImportResultDto & ApiErrorDto>(
    baseUrl,
    path,
    cookie,
    Buffer.from(JSON.stringify(document)),
    'export.json',
    'application/json',
  );

async function newViewer(suite: TestSuite, name: string): Promise<string> {
  const [row] = await suite.db.query<{ id: string }>(
    `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name, roles)
     VALUES ($1, 'twitch', $2, $3, $3, ARRAY['subscriber']) RETURNING id`,
    [suite.owner.workspaceId, randomUUID(), name],
  );
  return row!.id;
}

/** Fills the suite owner's workspace through the real services: meetings, bots, media, economy. */
export async function buildRichWorkspace(suite: TestSuite): Promise<{ mediaId: string; viewers: string[] }> {
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const client = (): HttpClient => suite.owner.client;
  // A meeting run live: a poll and a quiz answered by two attendees, a flag, the meeting on question 2.
  const { meeting, questions } = await suite.meetingWith(newQuestionInput('poll'), newQuestionInput('quiz'));
  const flag = await client().post<FlagDto>(`${ws()}/flags`, {
    name: 'Booth',
    code: 'BOOTH-1',
    points: 50,
  });
  expect(flag.status).toBe(201);
  const organizer = await suite.live.organizer(client().cookie, meeting.id, randomUUID());
  const ada = await suite.live.attendee(meeting, 'Ada');
  const bob = await suite.live.attendee(meeting, 'Bob');
  ok(await suite.live.command(organizer.socket, meeting.id, 'start'));
  ok(await suite.live.command(organizer.socket, meeting.id, 'next'));
  const [poll, quiz] = questions as [(typeof questions)[0], (typeof questions)[0]];
  ok(await suite.live.answer(ada.socket, poll.id, { type: 'poll', choiceIds: [choiceIdsOf(poll)[0]!] }));
  ok(await suite.live.answer(bob.socket, poll.id, { type: 'poll', choiceIds: [choiceIdsOf(poll)[1]!] }));
  ok(await suite.live.command(organizer.socket, meeting.id, 'close'));
  ok(await suite.live.command(organizer.socket, meeting.id, 'next'));
  ok(await suite.live.answer(ada.socket, quiz.id, { type: 'quiz', choiceIds: [choiceIdsOf(quiz)[0]!] }));
  expect(await suite.live.answerRows(quiz.id)).toHaveLength(1);

  // Bots: a command, an announcement (disabled: no timer touches it while the test compares), a revolution, media.
  const bots = `${ws()}/bots`;
  expect((await client().post(`${bots}/commands`, { name: 'discord', responses: ['Join us'] })).status).toBe(
    201,
  );
  const announcement = await client().post(`${bots}/announcements`, {
    name: 'Follow',
    messages: ['Follow us', 'Hydrate'],
    intervalMinutes: 15,
    liveOnly: true,
    enabled: false,
  });
  expect(announcement.status).toBe(201);
  const revolution = await client().post(`${bots}/revolutions`, {
    name: 'Hype',
    trigger: '!hype',
    threshold: 10,
    windowSeconds: 60,
    cooldownSeconds: 300,
    message: 'Hype x{count}!',
  });
  expect(revolution.status).toBe(201);
  const media = await postFile<MediaDto>(
    suite.app.baseUrl,
    `${ws()}/media`,
    client().cookie,
    PNG,
    'dot.png',
    'image/png',
  );
  expect(media.status).toBe(201);

  // Economy: viewers (one merged into another), ledger credits, rewards in a category, a redemption.
  const viewers = [
    await newViewer(suite, 'grace'),
    await newViewer(suite, 'linus'),
    await newViewer(suite, 'grace_alt'),
  ];
  const merged = await client().post(`${ws()}/viewers/merge`, {
    sourceViewerId: viewers[2],
    targetViewerId: viewers[0],
  });
  expect(merged.status).toBeLessThan(300);
  const ledger = suite.app.podium.app.get(PointsLedger);
  for (const [viewerId, amount] of [
    [viewers[0]!, 500],
    [viewers[1]!, 120],
    [viewers[0]!, 30],
  ] as const) {
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId,
        amount,
        reason: 'adjust',
        note: 'gift',
      }),
    );
  }
  const reward = await client().post<RewardDto>(`${ws()}/rewards`, {
    name: 'hydrate',
    type: 'list',
    price: 100,
    categories: ['chill'],
  });
  expect(reward.status).toBe(201);
  const redeemed = await client().post<RedeemResultDto>(`${ws()}/redeems`, {
    viewerId: viewers[0],
    rewardId: reward.body.id,
    requestId: randomUUID(),
  });
  expect(redeemed.status).toBeLessThan(300);
  const schedule = await client().put<BackupScheduleDto>(`${ws()}/backups/schedule`, { keep: 5 });
  expect(schedule.status).toBe(200);
  return { mediaId: media.body.id, viewers };
}
