import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './server';

/** Debian's nginx (`nginx-light` is enough); `.ci/run` installs it when it is missing. */
export const NGINX_PATH = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
const PRODUCTION_CONFIG = resolve(__dirname, '../../docker/nginx.conf');

export interface RunningProxy {
  url: string;
  stop(): Promise<void>;
}

/** Replaces `from` in `text`, failing when it is not there: the test must run the file as it is. */
function replaceAll(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`docker/nginx.conf no longer contains "${from}"`);
  return text.split(from).join(to);
}

/**
 * docker/nginx.conf unchanged but for where it runs: the `api` replicas become the given local
 * ports, it listens on a free local port, and its pid and logs go to a directory of its own.
 */
export function localProxyConfig(
  source: string,
  replicaPorts: readonly number[],
  port: number,
  dir: string,
): string {
  let config = replaceAll(
    source,
    'server api:3000 max_fails=3 fail_timeout=10s;',
    replicaPorts.map((p) => `server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join(' '),
  );
  config = replaceAll(config, 'listen 80;', `listen 127.0.0.1:${port};`);
  config = replaceAll(config, 'listen [::]:80;', '');
  config = replaceAll(config, '/var/log/nginx/', `${dir}/`);
  return replaceAll(config, '/var/run/nginx.pid', `${dir}/nginx.pid`);
}

/** Runs the production proxy configuration in front of `replicaUrls`; resolves once it answers. */
export async function startProxy(replicaUrls: readonly string[]): Promise<RunningProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'podium-nginx-'));
  const port = await freePort();
  const ports = replicaUrls.map((url) => Number(new URL(url).port));
  writeFileSync(
    join(dir, 'nginx.conf'),
    localProxyConfig(readFileSync(PRODUCTION_CONFIG, 'utf8'), ports, port, dir),
  );
  const child: ChildProcess = spawn(
    NGINX_PATH,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${errors}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer on ${url}: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
