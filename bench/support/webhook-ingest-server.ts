import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, serverNodeArgs } from '../../e2e/support/server';

const ROOT = join(__dirname, '..', '..');
/** Another build to compare against (a checkout of an earlier commit, built): `BENCH_API_MAIN`. */
const MAIN = process.env['BENCH_API_MAIN'] ?? join(ROOT, 'dist', 'apps', 'api', 'main.js');

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
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs(env), ...nodeArgs, MAIN], {
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
