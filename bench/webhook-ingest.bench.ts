import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDatabase } from '../apps/api/test/support/test-database';
import { collectOutcome } from './support/webhook-ingest-effects';
import type { GeneratorMessage, IngestPlan, IngestRun } from './support/webhook-ingest-protocol';
import { PidSampler, postgresPids } from './support/pid-sampler';
import { markdown, summaryLines, TARGETS, type WindowResult } from './support/webhook-ingest-report';
import { COMMAND_TEXT, startIngestBed } from './support/webhook-ingest-setup';

/**
 * Webhook ingest (issue 8, benchmark 2): signed Twitch `channel.chat.message` notifications posted
 * to the built api as fast as it answers them, half of them `!hello`, 10 % posted twice. Measures
 * accepted/s, ack latency, ack → effect committed, and checks every message had its effect once.
 * Not a test: see bench/README.md.
 */

const SMOKE = process.env['BENCH_SMOKE'] === '1';
const list = (value: string) =>
  value
    .split(',')
    .map((s) => Number.parseInt(s.trim(), 10))
    .filter((n) => Number.isInteger(n) && n > 0);
const WINDOWS = list(process.env['BENCH_WEBHOOK_WINDOWS'] ?? (SMOKE ? '16' : '16,64'));
const MESSAGES = Number(process.env['BENCH_WEBHOOK_MESSAGES'] ?? (SMOKE ? 300 : 10_000));
const DUPLICATE_SHARE = Number(process.env['BENCH_WEBHOOK_DUPLICATES'] ?? 0.1);
const EFFECT_WAIT_MS = Number(process.env['BENCH_WEBHOOK_EFFECT_WAIT_MS'] ?? (SMOKE ? 20_000 : 120_000));
/** A folder: the api runs with `--cpu-prof` and writes its profile there on exit. */
const CPU_PROF_DIR = process.env['BENCH_CPU_PROF'];
/** Prints each table's scans and writes per message after the run. */
const TABLE_STATS = process.env['BENCH_WEBHOOK_TABLE_STATS'] === '1';
const RESULTS_FILE =
  process.env['BENCH_RESULTS_FILE'] ??
  (SMOKE ? join(tmpdir(), 'webhook-ingest.md') : join(__dirname, 'results', 'webhook-ingest.md'));

/** Transactions committed in the bench's database so far (each autocommit statement counts). */
async function databaseCommits(db: TestDatabase): Promise<number> {
  const [row] = await db.query<{ n: string }>(
    'SELECT xact_commit AS "n" FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(row?.n ?? 0);
}

/** Per table, per message: scans and rows written (where the database work goes). */
async function tableActivity(db: TestDatabase, messages: number): Promise<string> {
  const rows = await db.query<{ relname: string; scans: string; ins: string; upd: string }>(
    `SELECT relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS scans, n_tup_ins AS ins, n_tup_upd AS upd
     FROM pg_stat_user_tables ORDER BY 2 DESC LIMIT 15`,
  );
  const per = (n: string) => (Number(n) / messages).toFixed(2);
  return rows
    .map((r) => `${r.relname}: scans ${per(r.scans)}, inserts ${per(r.ins)}, updates ${per(r.upd)}`)
    .join('\n');
}

/** Runs the load generator in its own process (its pid goes to `started`) and reads back its records. */
function generate(plan: IngestPlan, started: (pid: number) => void): Promise<IngestRun> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'support', 'ts-child.cjs'), ['webhook-ingest-load.ts'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (child.pid) started(child.pid);
    child.once('message', (message: GeneratorMessage) => {
      if (message.type === 'failed') reject(new Error(`load generator: ${message.error}`));
      else resolve(JSON.parse(readFileSync(message.file, 'utf8')) as IngestRun);
    });
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    child.send(plan);
  });
}

async function runWindow(window: number, scratch: string): Promise<WindowResult> {
  // Node/V8 flags to try on the api without a rebuild, as the live-room bench takes them.
  const nodeArgs = [
    ...(process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
    ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []),
  ];
  const bed = await startIngestBed(nodeArgs);
  // The api, every PostgreSQL process, and the load generator once it is forked.
  let generatorPid: number | undefined;
  const api = new PidSampler(() => [bed.api.pid]);
  const postgres = new PidSampler(postgresPids);
  const generator = new PidSampler(() => (generatorPid ? [generatorPid] : []));
  const samplers = [api, postgres, generator];
  try {
    const commitsBefore = await databaseCommits(bed.db);
    const run = await generate(
      {
        target: bed.target,
        messages: MESSAGES,
        duplicateShare: DUPLICATE_SHARE,
        window,
        commandText: COMMAND_TEXT,
        resultsFile: join(scratch, `run-${window}.json`),
        seed: 8,
      },
      (pid) => (generatorPid = pid),
    );
    const outcome = await collectOutcome(
      run,
      { db: bed.db, twitch: bed.twitch, connectionId: bed.connectionId, workspaceId: bed.owner.workspaceId },
      EFFECT_WAIT_MS,
    );
    // Statistics reach pg_stat_database within a second of each commit.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const commits = (await databaseCommits(bed.db)) - commitsBefore;
    const during = (sampler: PidSampler) => sampler.load(run.startedAt, run.endedAt);
    const load = { api: during(api), postgres: during(postgres), generator: during(generator) };
    if (TABLE_STATS) console.log(await tableActivity(bed.db, MESSAGES));
    const result = { window, messages: MESSAGES, outcome, load, commits };
    console.log(summaryLines([result])[0]);
    if (outcome.transportErrors > 0 || Object.keys(outcome.refused).length > 0)
      console.log(`refused ${JSON.stringify(outcome.refused)}, socket errors ${outcome.transportErrors}`);
    return result;
  } catch (error) {
    console.log(bed.api.output());
    throw error;
  } finally {
    for (const sampler of samplers) sampler.stop();
    await bed.close();
  }
}

describe('webhook ingest benchmark', () => {
  it('takes signed Twitch chat messages fast, acknowledges them quickly and acts on each once', async () => {
    const loadBefore = loadavg();
    const scratch = mkdtempSync(join(tmpdir(), 'podium-ingest-'));
    const results: WindowResult[] = [];
    try {
      for (const window of WINDOWS) results.push(await runWindow(window, scratch));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const text = markdown(results, {
      smoke: SMOKE,
      loadBefore,
      loadAfter: loadavg(),
      duplicateShare: DUPLICATE_SHARE,
      note: process.env['BENCH_WEBHOOK_NOTE'] ?? '',
    });
    writeFileSync(RESULTS_FILE, text);
    console.log(text);

    for (const { outcome: o } of results) {
      // Correctness, in every mode: each message once, each command answered once, nothing refused.
      expect({ refused: o.refused, socketErrors: o.transportErrors }).toEqual({
        refused: {},
        socketErrors: 0,
      });
      expect(o.checks.storedEvents).toBe(o.uniqueMessages);
      expect(o.checks.handledEvents).toBe(o.uniqueMessages);
      expect(o.checks.replies).toBe(o.uniqueCommands);
      expect(o.checks.commandUseCount).toBe(o.uniqueCommands);
      expect([o.checks.doubleEvents, o.checks.doubleReplies, o.checks.doubleSentAtTwitch]).toEqual([0, 0, 0]);
      expect(o.resends).toBeGreaterThan(0);
      if (SMOKE) continue;
      expect(o.acceptedPerSecond).toBeGreaterThanOrEqual(TARGETS.acceptedPerSecond);
      expect(o.ackMs?.p99).toBeLessThanOrEqual(TARGETS.ackP99Ms);
      expect(o.effectMs?.p99).toBeLessThanOrEqual(TARGETS.effectP99Ms);
    }
  });
});
