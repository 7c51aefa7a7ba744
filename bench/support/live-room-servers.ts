import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, serverNodeArgs } from '../../e2e/support/server';

const ROOT = resolve(__dirname, '../..');
const CLOCK_TICKS_PER_S = 100; // getconf CLK_TCK on Linux
const MiB = 1024 * 1024;

/** One `node dist/apps/api/main.js`, as `npm start` runs it. */
export interface Replica {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export interface ReplicaOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** When set, the api runs with `--cpu-prof` and writes its profile here on exit. */
  cpuProfDir?: string;
}

/**
 * Starts `count` replicas of the built api on one database and one Redis prefix: the first alone
 * (it runs the migrations), then the others. They share their secrets, as replicas must.
 */
export async function startReplicas(count: number, options: ReplicaOptions): Promise<Replica[]> {
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  };
  const first = await startReplica(options, secrets);
  const others = await Promise.all(
    Array.from({ length: count - 1 }, () => startReplica(options, secrets)),
  ).catch(async (error: unknown) => {
    await first.stop();
    throw error;
  });
  return [first, ...others];
}

async function startReplica(options: ReplicaOptions, secrets: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-live-room-'));
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  // Another build (e.g. of the last commit, for a before/after) can be measured in its place.
  const main = process.env['BENCH_API_MAIN'] ?? 'dist/apps/api/main.js';
  // Node/V8 flags to try on the api without a rebuild (e.g. BENCH_API_NODE_ARGS=--max-semi-space-size=64).
  const nodeArgs = (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  // As npm start runs it with PostgreSQL (serverNodeArgs), then the flags to try.
  const launch = [...serverNodeArgs({ DATABASE_URL: options.databaseUrl }), ...nodeArgs];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...launch, main], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: options.redisPrefix,
      ...(process.env['BENCH_DATABASE_POOL_SIZE']
        ? { DATABASE_POOL_SIZE: process.env['BENCH_DATABASE_POOL_SIZE'] }
        : {}),
      ...secrets,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`api did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = /Podium is running: open (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        found(new URL(match[1]).origin);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      failed(new Error(`api exited while starting:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, pid: child.pid ?? 0, output: () => output, stop };
}

/** CPU time (seconds) of every replica together, from /proc. */
export function apiCpuSeconds(replicas: readonly Replica[]): number {
  return replicas.reduce((total, r) => total + processUsage(r.pid).cpuS, 0);
}

/** CPU time (seconds) and RSS (MiB) of a process, from /proc. */
export function processUsage(pid: number): { cpuS: number; rssMiB: number } {
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuS: ticks / CLOCK_TICKS_PER_S, rssMiB: (rssKiB * 1024) / MiB };
}

/** Busy and total jiffies of the whole machine (every core), from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, v) => sum + v, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** What the api replicas and the machine did over a window. */
export interface WindowLoad {
  /** CPU of each replica over the window; 100 = one core. */
  apiCpuPercent: number[];
  /** Highest RSS sampled per replica, MiB. */
  apiPeakRssMiB: number[];
  /** Every core of the machine: 100 = all busy (api, database, Redis, load generators, others). */
  machineBusyPercent: number;
}

/** Samples the replicas' CPU and RSS every `everyMs` between start() and stop(). */
export class ReplicaSampler {
  private readonly startCpu: number[];
  private readonly peakRss: number[];
  private readonly startMachine = machineTicks();
  private readonly startedAt = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: readonly number[],
    everyMs = 100,
  ) {
    const now = pids.map(processUsage);
    this.startCpu = now.map((u) => u.cpuS);
    this.peakRss = now.map((u) => u.rssMiB);
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): WindowLoad {
    clearInterval(this.timer);
    const usage = this.sample();
    const seconds = (Date.now() - this.startedAt) / 1000;
    const machine = machineTicks();
    return {
      apiCpuPercent: usage.map((u, i) => ((u.cpuS - (this.startCpu[i] ?? 0)) / seconds) * 100),
      apiPeakRssMiB: [...this.peakRss],
      machineBusyPercent:
        ((machine.busy - this.startMachine.busy) / Math.max(1, machine.total - this.startMachine.total)) *
        100,
    };
  }

  private sample(): { cpuS: number; rssMiB: number }[] {
    const usage = this.pids.map(processUsage);
    usage.forEach((u, i) => (this.peakRss[i] = Math.max(this.peakRss[i] ?? 0, u.rssMiB)));
    return usage;
  }
}
