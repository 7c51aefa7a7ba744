import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../e2e/support/server';

const ROOT = join(__dirname, '..', '..');
/** Another build to compare against (a checkout of an earlier commit, built): `BENCH_API_MAIN`. */
const MAIN = process.env['BENCH_API_MAIN'] ?? join(ROOT, 'dist', 'apps', 'api', 'main.js');
const TICKS_PER_SECOND = 100;
const MiB = 1024 * 1024;

export interface ApiProcess {
  url: string;
  pid: number;
  output: () => string;
  /** SIGTERM, then SIGKILL after 20 s; resolves once it exited (a CPU profile is written on exit). */
  stop(): Promise<void>;
}

/**
 * The built api (`node dist/apps/api/main.js`, as `npm start` runs it) on its own port, with
 * `nodeArgs` before the script (`--cpu-prof` …). Resolves once `/api/health` answers 200.
 */
export async function startBuiltApi(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`api exited with ${child.exitCode}:\n${output}`);
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`api not healthy after 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

interface PidSample {
  epochMs: number;
  cpuTicks: number;
  rss: number;
}

/** What the api process used over a window: CPU (100 = one core) and its RSS, MiB. */
export interface PidLoad {
  cpuPercent: number;
  rssMax: number;
  rssEnd: number;
}

/**
 * Samples another process from /proc (CPU ticks from `stat`, VmRSS from `status`): the api runs in
 * its own process here, so bench/support/process-sampler.ts (which samples its own) does not fit.
 */
export class PidSampler {
  private readonly samples: PidSample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 100,
  ) {
    this.take();
    this.timer = setInterval(() => this.take(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.take();
  }

  load(fromEpochMs: number, toEpochMs: number): PidLoad {
    const inside = this.samples.filter((s) => s.epochMs >= fromEpochMs && s.epochMs <= toEpochMs);
    const before = this.samples.filter((s) => s.epochMs <= fromEpochMs).at(-1) ?? this.samples[0];
    const after = this.samples.find((s) => s.epochMs >= toEpochMs) ?? this.samples.at(-1);
    if (!before || !after || after.epochMs <= before.epochMs) return { cpuPercent: 0, rssMax: 0, rssEnd: 0 };
    const seconds = (after.epochMs - before.epochMs) / 1000;
    return {
      cpuPercent: ((after.cpuTicks - before.cpuTicks) / TICKS_PER_SECOND / seconds) * 100,
      rssMax: Math.max(after.rss, ...inside.map((s) => s.rss)) / MiB,
      rssEnd: after.rss / MiB,
    };
  }

  private take(): void {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      this.samples.push({ epochMs: Date.now(), cpuTicks: ticks, rss: rssKb * 1024 });
    } catch {
      // The process is gone: nothing more to sample.
    }
  }
}
