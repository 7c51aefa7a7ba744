import { type ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RESULTS_TICK_MS } from '../apps/api/src/modules/meetings/live/results-ticker';
import { newMeeting, newOwner, newQuestion, newQuestionInput } from '../apps/api/test/support/factories';
import { choiceIdsOf } from '../apps/api/test/support/live-harness';
import { TestDatabase } from '../apps/api/test/support/test-database';
import { TEST_REDIS_URL } from '../apps/api/test/support/test-env';
import { clearRedisPrefix, newRedisPrefix, startTestApp } from '../apps/api/test/support/test-app';
import { type FlushRead, traceResultsReads } from './support/flush-trace';
import { ProcessSampler, settledMemory } from './support/process-sampler';
import {
  renderMarkdown,
  renderText,
  type ResultsRead,
  type RunContext,
  type SizeRun,
} from './support/results-report';
import type { BurstResult, ParentToSwarm, SwarmToParent } from './support/swarm-protocol';
import { commitLabel } from './support/git-commit';

/**
 * Load benchmark of a live meeting: the real api (this process) on a fresh PostgreSQL database and
 * Redis, an organizer dashboard and N attendee sockets (another process), a poll and a word cloud
 * answered by everyone at once. `npm test` runs it once at a smoke size: see bench/README.md.
 */

const SMOKE = process.env['BENCH_SMOKE'] === '1';
const SIZES = (process.env['BENCH_SIZES'] ?? (SMOKE ? '50' : '100,300,1000'))
  .split(',')
  .map((s) => Number.parseInt(s.trim(), 10))
  .filter((n) => Number.isInteger(n) && n > 0);
const JOIN_CONCURRENCY = Number(process.env['BENCH_JOIN_CONCURRENCY'] ?? 50);
/** Runs per size; the one with the median poll time is reported (the machine's other work adds noise). */
const REPEATS = SMOKE ? 1 : Math.max(1, Number(process.env['BENCH_REPEATS'] ?? 3));
const WORDS_PER_ATTENDEE = 3;
const ACK_TIMEOUT_MS = 30_000;
const BURST_TIMEOUT_MS = 60_000;
const RESULTS_FILE =
  process.env['BENCH_RESULTS_FILE'] ??
  (SMOKE ? join(tmpdir(), 'meeting-load.md') : join(__dirname, 'results', 'meeting-load.md'));
const POOL_SIZE_ENV = process.env['BENCH_DATABASE_POOL_SIZE'];
const SAMPLE_EVERY_MS = 20;

/** The client swarm's process, asked one thing at a time. */
class Swarm {
  private pending: {
    reply: SwarmToParent['type'];
    resolve: (message: SwarmToParent) => void;
    reject: (error: Error) => void;
  } | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: SwarmToParent) => {
      if (message.type === 'failed') this.settle(new Error(`client swarm failed: ${message.message}`));
      else if (this.pending?.reply === message.type) this.settle(message);
    });
    child.on('exit', (code) => this.settle(new Error(`client swarm exited (${code})`)));
  }

  static start(): Swarm {
    return new Swarm(
      fork(join(__dirname, 'support', 'ts-child.cjs'), ['client-swarm.ts'], {
        execArgv: [],
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }

  ask<T extends SwarmToParent['type']>(
    message: ParentToSwarm,
    reply: T,
    ms: number,
  ): Promise<Extract<SwarmToParent, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(new Error(`no ${reply} from the swarm within ${ms} ms`)),
        ms,
      );
      this.pending = {
        reply,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<SwarmToParent, { type: T }>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.child.send(message);
    });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private settle(outcome: SwarmToParent | Error): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }
}

async function runSize(attendees: number, context: { poolSize: number }): Promise<SizeRun> {
  const db = await TestDatabase.create();
  const prefix = newRedisPrefix();
  const app = await startTestApp({
    databaseUrl: db.url,
    redisPrefix: prefix,
    env: {
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'silent',
      ...(POOL_SIZE_ENV ? { DATABASE_POOL_SIZE: POOL_SIZE_ENV } : {}),
    },
  });
  context.poolSize = app.podium.database.poolSize;
  const trace = traceResultsReads(app.podium.app);
  let swarm: Swarm | null = null;
  let sampler: ProcessSampler | null = null;
  try {
    const owner = await newOwner(app.baseUrl);
    const meeting = await newMeeting(owner.client, owner.workspaceId);
    const pollQuestion = await newQuestion(
      owner.client,
      meeting,
      newQuestionInput('poll', {
        choices: [{ label: 'Tea' }, { label: 'Coffee' }, { label: 'Water' }, { label: 'Juice' }],
      }),
    );
    const cloud = await newQuestion(
      owner.client,
      meeting,
      newQuestionInput('wordcloud', { maxWordsPerAttendee: WORDS_PER_ATTENDEE, bannedWords: [] }),
    );
    const setup = settledMemory();

    swarm = Swarm.start();
    const plan = {
      baseUrl: app.baseUrl,
      meetingId: meeting.id,
      joinCode: meeting.joinCode,
      organizerCookie: owner.client.cookie ?? '',
      attendees,
      joinConcurrency: JOIN_CONCURRENCY,
      pollId: pollQuestion.id,
      choiceIds: choiceIdsOf(pollQuestion),
      wordCloudId: cloud.id,
      wordsPerAttendee: WORDS_PER_ATTENDEE,
      tickMs: RESULTS_TICK_MS,
      ackTimeoutMs: ACK_TIMEOUT_MS,
      burstTimeoutMs: BURST_TIMEOUT_MS,
    };
    const connected = await swarm.ask({ type: 'plan', plan }, 'connected', 10 * 60_000);
    const afterConnect = settledMemory();
    const resyncBefore = (await swarm.ask({ type: 'resync' }, 'resync', 60_000)).times;

    sampler = new ProcessSampler(SAMPLE_EVERY_MS);
    const burstMs = BURST_TIMEOUT_MS + ACK_TIMEOUT_MS + 60_000;
    const poll = (await swarm.ask({ type: 'burst', kind: 'poll' }, 'burst', burstMs)).result;
    const words = (await swarm.ask({ type: 'burst', kind: 'words' }, 'burst', burstMs)).result;
    sampler.stop();
    const afterBursts = settledMemory();
    const resyncAfter = (await swarm.ask({ type: 'resync' }, 'resync', 60_000)).times;

    await swarm.ask({ type: 'disconnect' }, 'disconnected', 30_000);
    // Let the server see every socket go (disconnect handlers, presence tick).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const afterDisconnect = settledMemory();

    return {
      attendees,
      connectMs: connected.connectMs,
      present: connected.present,
      joins: connected.joins,
      resync: { before: resyncBefore, after: resyncAfter },
      poll,
      words,
      resultsReads: { poll: readsDuring(trace.reads, poll), words: readsDuring(trace.reads, words) },
      pollLoad: sampler.load(poll.startedAtEpoch, poll.endedAtEpoch),
      wordsLoad: sampler.load(words.startedAtEpoch, words.endedAtEpoch),
      memory: { setup, connected: afterConnect, burstPeak: sampler.peak(), afterBursts, afterDisconnect },
    };
  } finally {
    sampler?.stop();
    trace.stop();
    swarm?.kill();
    await app.close();
    await db.drop();
    await clearRedisPrefix(prefix);
  }
}

/** The results tick's reads that started during a burst, timed from the burst's first answer. */
function readsDuring(reads: readonly FlushRead[], burst: BurstResult): ResultsRead[] {
  return reads
    .filter((r) => r.startedAtEpoch >= burst.startedAtEpoch && r.startedAtEpoch <= burst.endedAtEpoch)
    .map((r) => ({
      atMs: Math.round(r.startedAtEpoch - burst.startedAtEpoch),
      waiting: r.waiting,
      busy: r.busy,
      tookMs: r.tookMs,
    }));
}

/** The run with the median poll time, reported whole so its numbers belong together; plus the spread. */
function medianRun(repeats: readonly SizeRun[]): SizeRun {
  const wall = (ms: number | null) => ms ?? Number.POSITIVE_INFINITY;
  const sorted = [...repeats].sort((a, b) => wall(a.poll.wallMs) - wall(b.poll.wallMs));
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? sorted[0];
  if (!median) throw new Error('no run to report');
  return {
    ...median,
    spread: {
      pollWallMs: repeats.map((r) => r.poll.wallMs),
      wordsWallMs: repeats.map((r) => r.words.wallMs),
    },
  };
}

async function describeServices(): Promise<{ postgres: string; redis: string }> {
  const db = await TestDatabase.create();
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const [row] = await db.query<{ server_version: string }>('show server_version');
    const info = await redis.info('server');
    return {
      postgres: row?.server_version.split(' ')[0] ?? '?',
      redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?',
    };
  } finally {
    redis.disconnect();
    await db.drop();
  }
}

describe('meeting load', () => {
  const runs: SizeRun[] = [];
  const context = { poolSize: 0 };
  const started = Date.now();
  const loadBefore = loadavg();

  afterAll(async () => {
    const services = await describeServices();
    const cpu = cpus();
    const ctx: RunContext = {
      date: new Date().toISOString(),
      machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`,
      node: process.version,
      commit: commitLabel(),
      ...services,
      poolSize: context.poolSize,
      tickMs: RESULTS_TICK_MS,
      wordsPerAttendee: WORDS_PER_ATTENDEE,
      repeats: REPEATS,
      loadBefore,
      loadAfter: loadavg(),
      durationS: (Date.now() - started) / 1000,
    };
    process.stdout.write(`\n${renderText(ctx, runs)}\n`);
    if (runs.length > 0) {
      writeFileSync(RESULTS_FILE, renderMarkdown(ctx, runs));
      process.stdout.write(`results written to ${RESULTS_FILE}\n`);
    }
  });

  it.each(SIZES)('%i attendees answer a poll and a word cloud at once', async (attendees) => {
    const repeats: SizeRun[] = [];
    for (let i = 0; i < REPEATS; i += 1) repeats.push(await runSize(attendees, context));
    runs.push(medianRun(repeats));
    // Correctness, not speed: the organizer must end up seeing every answer, every time.
    for (const run of repeats) {
      expect(run.poll.wallMs).not.toBeNull();
      expect(run.words.wallMs).not.toBeNull();
    }
  });
});
