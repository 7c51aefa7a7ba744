import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './server';

/**
 * A Redis and a PostgreSQL of the test's own, on random ports in a temp dir, so a fault test can
 * stop and start them without touching the machine's services that other tests share.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export interface PrivateRedis {
  url: string;
  /** Stops the server (its data goes with it: no snapshot, no append-only file). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Sends one command through a short-lived connection and returns the reply. */
  command(...args: string[]): Promise<string>;
}

/** redis-server on a random port, without persistence, as a child process of the test. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const command = (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const cli = spawn('redis-cli', ['-p', String(port), ...args]);
      let out = '';
      cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      cli.on('error', reject);
      cli.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`redis-cli ${code}`))));
    });
  const redis: PrivateRedis = {
    url: `redis://127.0.0.1:${port}`,
    start: async () => {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      await until('redis to answer', async () => (await command('ping')) === 'PONG');
    },
    stop: async () => {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
    command,
  };
  await redis.start();
  return redis;
}

export interface PrivatePostgres {
  /** A connection URL to the `postgres` database of the private cluster. */
  url: string;
  /** `pg_ctl stop -m fast`: sessions are terminated, the data stays. */
  stop(): Promise<void>;
  start(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Stops the cluster and removes its directory. */
  destroy(): Promise<void>;
}

/** Debian puts the binaries in /usr/lib/postgresql/<major>/bin; pg_config says which one. */
function postgresBinDir(): string {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // No pg_config on PATH: look for an installed major version instead.
  }
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = majors
    .map((major) => join(root, major, 'bin'))
    .find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found');
  return found;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to and runs as `postgres`. */
function asClusterOwner(binary: string, args: string[]): { file: string; args: string[] } {
  return process.getuid?.() === 0
    ? { file: 'runuser', args: ['-u', 'postgres', '--', binary, ...args] }
    : { file: binary, args };
}

function run(binary: string, args: string[]): Promise<void> {
  const { file, args: argv } = asClusterOwner(binary, args);
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${binary} ${args[0] ?? ''} exited ${code}: ${err}`)),
    );
  });
}

function ownerIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** initdb into a temp dir, then pg_ctl start on a random loopback port with trust auth. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'podium-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = ownerIds();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const query = async (sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  const pgCtl = join(bin, 'pg_ctl');
  const cluster: PrivatePostgres = {
    url,
    start: async () => {
      await run(pgCtl, ['start', '-D', data, '-w', '-s', '-l', join(dir, 'server.log'), '-o', options]);
      await until('postgres to answer', async () => (await query('select 1 as ok')).length === 1);
    },
    stop: () => run(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w', '-s']),
    query,
    destroy: async () => {
      await run(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w', '-s']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
