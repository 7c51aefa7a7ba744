import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordTestSecret, testLogFile } from '@podium/fakes';

const ROOT = resolve(__dirname, '../..');

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The api process (benchmarks sample its CPU and memory). */
  pid: number;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Sends `signal` (fault tests: SIGKILL, or SIGTERM without waiting) and resolves on exit. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'podium-e2e-'));
}

/**
 * The Node flags `npm start` (tools/start-api.sh) gives the api for an environment: with
 * PostgreSQL, a larger young generation for a server that may be busy.
 */
export function serverNodeArgs(env: Record<string, string | undefined>): string[] {
  return env['DATABASE_URL'] ? ['--max-semi-space-size=64'] : [];
}

/**
 * Starts `node dist/apps/api/main.js` as `npm start` does and waits for the URL it prints. `main`:
 * another build of the api (a benchmark's before/after).
 */
export async function startServer(
  env: Record<string, string> = {},
  { main = 'dist/apps/api/main.js' }: { main?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = env['DATA_DIR'] ?? newDataDir();
  // With PODIUM_TEST_LOG_DIR set, everything the server prints (request logs included) is kept in a
  // file too, for the secrets scan.
  const logFile = testLogFile('server');
  recordServerSecrets(env);
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs(env), main], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      LOG_LEVEL: logFile ? 'info' : 'warn',
      PORT: String(port),
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  keepTestLog(child, logFile);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveEnd) =>
    child.once('exit', (code, signal) => resolveEnd({ code, signal })),
  );

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = () => {
      const match = /Podium is running: open (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  recordGeneratedSecrets(dataDir);
  return {
    url,
    dataDir,
    pid: child.pid ?? 0,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return ended;
    },
  };
}

/**
 * Copies what an api process prints into `file` (from `testLogFile`), for the secrets scan of the
 * test logs; does nothing when logs are not being collected.
 */
export function keepTestLog(child: ChildProcess, file = testLogFile('server')): void {
  if (!file) return;
  child.stdout?.on('data', (chunk: Buffer) => appendFileSync(file, chunk));
  child.stderr?.on('data', (chunk: Buffer) => appendFileSync(file, chunk));
}

/** The password every e2e account signs up with. */
const E2E_PASSWORD = 'a long enough passphrase';
const SECRET_VARIABLE = /SECRET|KEY|TOKEN|PASSWORD/;

/** Lists the credentials a server is started with, for the scan of the test logs. */
function recordServerSecrets(env: Record<string, string>): void {
  recordTestSecret('password', E2E_PASSWORD);
  for (const [name, value] of Object.entries(env))
    if (SECRET_VARIABLE.test(name)) recordTestSecret(name.toLowerCase(), value);
}

/** The session secret and encryption key a server generated into its data folder. */
function recordGeneratedSecrets(dataDir: string): void {
  try {
    const generated = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    Object.entries(generated).forEach(([name, value]) => recordTestSecret(name, value));
  } catch {
    // Set through the environment (already listed), or not written: nothing more to list.
  }
}
