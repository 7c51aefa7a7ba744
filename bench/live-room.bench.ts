import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingResultsPayload } from '@podium/contracts';
import { newMeeting, newOwner, newQuestion, newQuestionInput } from '../apps/api/test/support/factories';
import { choiceIdsOf } from '../apps/api/test/support/live-harness';
import { LiveClient, okData } from '../apps/api/test/support/live';
import { TestDatabase } from '../apps/api/test/support/test-database';
import { TEST_REDIS_URL } from '../apps/api/test/support/test-env';
import { clearRedisPrefix, newRedisPrefix } from '../apps/api/test/support/test-app';
import { Loader, SOCKETS_PER_LOADER, voteEveryone } from './support/live-room-loaders';
import { type DashboardPush, type LiveRoomRun, voteFigures } from './support/live-room-metrics';
import { epochNow, type JoinReport } from './support/live-room-protocol';
import { closeQuizRound } from './support/live-room-quiz';
import { machineContext, renderLiveRoom } from './support/live-room-report';
import {
  apiCpuSeconds,
  processUsage,
  type Replica,
  ReplicaSampler,
  startReplicas,
} from './support/live-room-servers';

/**
 * Live-room benchmark: the built api (1 or 3 replicas, PostgreSQL and Redis) as separate processes,
 * N attendee sockets held by load-generator processes, a poll answered by everyone at a paced rate,
 * then a quiz answered the same way and closed (every phone gets its own score).
 * Not part of `npm test`: see bench/README.md.
 */

const SMOKE = process.env['BENCH_SMOKE'] === '1';
const list = (value: string) =>
  value
    .split(',')
    .map((s) => Number.parseInt(s.trim(), 10))
    .filter((n) => Number.isInteger(n) && n > 0);
const SIZES = list(process.env['BENCH_LIVE_SIZES'] ?? (SMOKE ? '100' : '1000,5000,10000,19900'));
const REPLICAS = list(process.env['BENCH_LIVE_REPLICAS'] ?? '1,3');
const VOTES_PER_SECOND = Number(process.env['BENCH_LIVE_VOTES_PER_SECOND'] ?? 2000);
const JOIN_CONCURRENCY = Number(process.env['BENCH_JOIN_CONCURRENCY'] ?? 64);
const CPU_PROF_DIR = process.env['BENCH_LIVE_CPU_PROF_DIR'];
const RESULTS_FILE =
  process.env['BENCH_RESULTS_FILE'] ??
  (SMOKE ? join(tmpdir(), 'live-room-smoke.md') : join(__dirname, 'results', 'live-room.md'));
const CHOICES = ['Tea', 'Coffee', 'Water', 'Juice'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runRoom(replicaCount: number, attendees: number): Promise<LiveRoomRun> {
  const db = await TestDatabase.create();
  const prefix = newRedisPrefix();
  const loaders: Loader[] = [];
  let replicas: Replica[] = [];
  let organizer: LiveClient | null = null;
  try {
    replicas = await startReplicas(replicaCount, {
      databaseUrl: db.url,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: prefix,
      cpuProfDir: CPU_PROF_DIR,
    });
    const urls = replicas.map((r) => r.url);
    const owner = await newOwner(urls[0] ?? '');
    const meeting = await newMeeting(owner.client, owner.workspaceId);
    const poll = await newQuestion(
      owner.client,
      meeting,
      newQuestionInput('poll', { choices: CHOICES.map((label) => ({ label })) }),
    );
    const quiz = await newQuestion(
      owner.client,
      meeting,
      newQuestionInput('quiz', {
        choices: CHOICES.map((label, i) => ({ label, correct: i === 0 })),
        scoring: 'speed',
        timeLimitSeconds: 600,
      }),
    );
    organizer = (
      await LiveClient.open(
        urls[0] ?? '',
        meeting.id,
        { cookie: owner.client.cookie ?? '' },
        'bench-dashboard',
      )
    ).client;
    const pushes: DashboardPush[] = [];
    organizer.socket.on('meeting.results', (payload: MeetingResultsPayload) => {
      if (payload.results.type === 'poll')
        pushes.push({ atEpoch: epochNow(), answered: payload.results.answered });
    });

    // Fill the room: each loader holds a slice, attendee i on replica i mod replicas.
    await sleep(SMOKE ? 200 : 1_000);
    const rssBefore = replicas.map((r) => processUsage(r.pid).rssMiB);
    const cpuBeforeJoins = apiCpuSeconds(replicas);
    const loaderCount = Math.ceil(attendees / SOCKETS_PER_LOADER);
    const slice = Math.ceil(attendees / loaderCount);
    for (let i = 0; i < loaderCount; i += 1) loaders.push(Loader.start());
    const joins: JoinReport[] = (
      await Promise.all(
        loaders.map((loader, i) =>
          loader.ask(
            {
              type: 'join',
              plan: {
                urls,
                meetingId: meeting.id,
                joinCode: meeting.joinCode,
                from: i * slice,
                to: Math.min(attendees, (i + 1) * slice),
                joinConcurrency: Math.max(1, Math.round(JOIN_CONCURRENCY / loaderCount)),
              },
            },
            'joined',
            30 * 60_000,
          ),
        ),
      )
    ).map((m) => m.report);
    const joined = joins.reduce((n, r) => n + r.joined, 0);
    const joinStart = Math.min(...joins.map((r) => r.startedAtEpoch));
    const joinEnd = Math.max(...joins.map((r) => r.endedAtEpoch));
    const cpuJoins = apiCpuSeconds(replicas) - cpuBeforeJoins;
    await sleep(SMOKE ? 1_000 : 3_000); // presence ticks and join garbage settle
    const rssAfter = replicas.map((r) => processUsage(r.pid).rssMiB);

    // Open the poll, then every attendee votes once at the paced rate.
    const sampler = new ReplicaSampler(replicas.map((r) => r.pid));
    const cpuBeforeVotes = apiCpuSeconds(replicas);
    okData(await organizer.command(meeting.id, 'start'));
    okData(await organizer.command(meeting.id, 'next'));
    const votes = await voteEveryone(
      loaders,
      joins,
      { questionId: poll.id, answerType: 'poll', choiceIds: choiceIdsOf(poll), finalTimeoutMs: 30_000 },
      VOTES_PER_SECOND,
    );
    const load = sampler.stop();
    const cpuVotes = apiCpuSeconds(replicas) - cpuBeforeVotes;
    // The phones can have the final count before the dashboard's next tick: wait for that push too.
    const dashboardDeadline = Date.now() + 5_000;
    while (Math.max(0, ...pushes.map((p) => p.answered)) < joined && Date.now() < dashboardDeadline) {
      await sleep(20);
    }
    const figures = voteFigures(votes, pushes);
    const quizClose = await closeQuizRound({
      organizer,
      loaders,
      joins,
      replicas,
      meeting,
      quiz,
      votesPerSecond: VOTES_PER_SECOND,
    });
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    return {
      replicas: replicaCount,
      attendees,
      joined,
      joinFailed: sum(joins.map((r) => r.failed)),
      firstJoinError: joins.find((r) => r.firstError)?.firstError ?? null,
      joinPerSecond: (joined * 1000) / Math.max(1, joinEnd - joinStart),
      rssBeforeMiB: rssBefore,
      rssAfterMiB: rssAfter,
      rssPerAttendeeKiB: ((sum(rssAfter) - sum(rssBefore)) * 1024) / Math.max(1, joined),
      ...figures,
      organizerPushes: pushes.filter((p) => p.atEpoch >= figures.firstSentEpoch).length,
      dashboardFinal: pushes.reduce((n, p) => Math.max(n, p.answered), 0),
      load,
      cpuMsPerJoin: (cpuJoins * 1000) / Math.max(1, joined),
      cpuMsPerVote: (cpuVotes * 1000) / Math.max(1, figures.votesOk),
      quizClose,
    };
  } finally {
    organizer?.close();
    await Promise.all(loaders.map((l) => l.ask({ type: 'close' }, 'closed', 60_000).catch(() => l.kill())));
    await Promise.all(replicas.map((r) => r.stop()));
    await db.drop();
    await clearRedisPrefix(prefix);
  }
}

describe('live room', () => {
  const runs: LiveRoomRun[] = [];
  const context = machineContext(loadavg());

  afterAll(() => {
    const markdown = renderLiveRoom(
      { ...context, loadAfter: loadavg(), smoke: SMOKE, votesPerSecond: VOTES_PER_SECOND },
      runs,
    );
    process.stdout.write(`\n${markdown}\n`);
    if (runs.length > 0) {
      writeFileSync(RESULTS_FILE, markdown);
      process.stdout.write(`results written to ${RESULTS_FILE}\n`);
    }
  });

  const cases = REPLICAS.flatMap((replicas) => SIZES.map((attendees) => [replicas, attendees] as const));
  it.each(cases)('%i replica(s), %i attendees, a paced vote burst', async (replicas, attendees) => {
    const run = await runRoom(replicas, attendees);
    runs.push(run);
    // Correctness, whatever the speed: everyone in, every vote counted once, everyone sees the total.
    expect(run.firstJoinError).toBeNull();
    expect(run.joined).toBe(attendees);
    expect(run.refused).toEqual({});
    expect(run.votesOk).toBe(attendees);
    expect(run.dashboardMissing).toBe(0);
    expect(run.dashboardFinal).toBe(attendees); // every vote counted exactly once
    expect(run.sawFinal).toBe(attendees);
    expect(run.quizClose.answered).toBe(attendees);
    expect(run.quizClose.scored).toBe(attendees); // every phone got its own score and rank
    expect(run.quizClose.revealed).toBe(attendees); // and the quiz's final results
  });
});
