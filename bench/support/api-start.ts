import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { serverNodeArgs } from '../../e2e/support/server';

/** One start of the built api: time from spawn to its first healthy answer, then its idle memory. */
export interface ApiStart {
  healthyMs: number;
  /** CPU (user + system) the api used until healthy: unlike healthyMs, barely moved by other load. */
  cpuMs: number;
  rss: number;
  rssPeak: number;
}

const HEALTH_TIMEOUT_MS = 120_000;
const KB = 1024;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (peak) of a process, in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * KB;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** User + system CPU time of a process so far, in ms (/proc counts in USER_HZ ticks: 100 a second). */
function cpuTimeOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    return response.status === 200;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Spawns `node <mainJs>` as `npm start` would (production, `LOG_LEVEL=warn`, and glibc's malloc
 * setting that `tools/start-api.sh` and the docker image give the api; with DATABASE_URL, the young
 * generation `serverNodeArgs` gives it) with `env` on top
 * (DATA_DIR for the embedded database, or DATABASE_URL and REDIS_URL), polls `/api/health` every
 * 25 ms, idles `idleMs` and reads its memory from /proc, then stops it with SIGTERM.
 */
export async function startApi(
  mainJs: string,
  cwd: string,
  env: Record<string, string>,
  idleMs: number,
): Promise<ApiStart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...serverNodeArgs(env), mainJs], {
    cwd,
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      MALLOC_MMAP_THRESHOLD_: '131072',
      ...env,
    },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`api exited with ${child.exitCode}:\n${output}`);
      if (await healthy(port)) break;
      if (performance.now() - started > HEALTH_TIMEOUT_MS) throw new Error(`api not healthy:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const healthyMs = performance.now() - started;
    const cpuMs = cpuTimeOf(child.pid ?? 0);
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const { rss, peak } = memoryOf(child.pid ?? 0);
    return { healthyMs, cpuMs, rss, rssPeak: peak };
  } finally {
    await stop(child);
  }
}
