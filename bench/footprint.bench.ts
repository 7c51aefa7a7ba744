import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Footprint of a built Podium (not a test: see bench/README.md): the JavaScript the attendee page
 * and the overlay page load, gzipped, from `dist/apps/web` and `dist/apps/overlay`; then the built
 * api (`dist/apps/api/main.js`, embedded database, no Redis) started on an existing data dir:
 * time from spawn to `/api/health` 200, and its RSS after idling. Writes bench/results/footprint.md.
 */

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist', 'apps');
const STARTS = Math.max(1, Number(process.env['BENCH_FOOTPRINT_STARTS'] ?? 3));
const IDLE_MS = Math.max(0, Number(process.env['BENCH_FOOTPRINT_IDLE_MS'] ?? 10_000));
const RESULTS_FILE = process.env['BENCH_RESULTS_FILE'] ?? join(__dirname, 'results', 'footprint.md');
const HEALTH_TIMEOUT_MS = 120_000;

const KB = 1024;
const MB = 1024 * 1024;
const TARGETS = { attendeeJs: 120 * KB, overlayJs: 60 * KB, idleRss: 150 * MB, startMs: 5_000 };

interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

interface PageWeight {
  page: string;
  loaded: Asset[];
  lazy: string[];
  css: Asset[];
}

interface Start {
  healthyMs: number;
  rss: number;
  rssPeak: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function weigh(path: string): Asset {
  const bytes = readFileSync(path);
  return { file: basename(path), raw: bytes.length, gzip: gzipSync(bytes).length };
}

/**
 * `./x.js` against the importing file's folder; `/assets/x.js`, `/overlay/assets/x.js` (an app
 * served under a base path) or `assets/x.js` against the app's dist folder.
 */
function resolveAsset(distDir: string, from: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    const path = join(dirname(from), specifier);
    return existsSync(path) ? path : null;
  }
  const segments = specifier.split('/').filter((segment) => segment !== '');
  for (let skip = 0; skip < segments.length; skip += 1) {
    const path = join(distDir, ...segments.slice(skip));
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * What a first visit of the page downloads before it runs: the entry scripts and modulepreloads
 * of its index.html and, recursively, every chunk they import statically. Chunks reached only
 * through `import(...)` are listed apart (loaded later, if at all, by some route).
 */
function pageWeight(page: string, distDir: string): PageWeight {
  const htmlPath = join(distDir, 'index.html');
  if (!existsSync(htmlPath)) {
    throw new Error(
      `${relative(ROOT, htmlPath)} missing: build first (npx nx run-many -t build -p api web overlay)`,
    );
  }
  const html = readFileSync(htmlPath, 'utf8');
  const queue: string[] = [];
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) queue.push(match[1] ?? '');
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
    queue.push(match[1] ?? '');
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)]
    .map((match) => resolveAsset(distDir, htmlPath, match[1] ?? ''))
    .filter((path): path is string => path !== null)
    .map(weigh);
  const loaded = new Set<string>();
  const lazy = new Set<string>();
  let pending = queue
    .map((specifier) => resolveAsset(distDir, htmlPath, specifier))
    .filter((p): p is string => !!p);
  while (pending.length > 0) {
    const next: string[] = [];
    for (const path of pending) {
      if (loaded.has(path)) continue;
      loaded.add(path);
      const code = readFileSync(path, 'utf8');
      // Static: `import"./a.js"`, `from"./a.js"` (minified or not); dynamic: `import("./a.js")`.
      for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) {
        const dep = resolveAsset(distDir, path, match[1] ?? '');
        if (dep) next.push(dep);
      }
      for (const match of code.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)) {
        const dep = resolveAsset(distDir, path, match[1] ?? '');
        if (dep) lazy.add(dep);
      }
    }
    pending = next;
  }
  if (loaded.size === 0) throw new Error(`${page}: no script found in ${relative(ROOT, htmlPath)}`);
  return {
    page,
    loaded: [...loaded].map(weigh),
    lazy: [...lazy].filter((path) => !loaded.has(path)).map((path) => basename(path)),
    css,
  };
}

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

/** Spawns the built api on `dataDir` and times it to its first healthy answer. */
async function startApi(dataDir: string, idleMs: number): Promise<Start> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(DIST, 'api', 'main.js')], { cwd: ROOT, env, stdio: 'pipe' });
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
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const { rss, peak } = memoryOf(child.pid ?? 0);
    return { healthyMs, rss, rssPeak: peak };
  } finally {
    await stop(child);
  }
}

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`;
}

function verdict(value: number, target: number): string {
  return value <= target ? 'within' : `**over** (×${(value / target).toFixed(1)})`;
}

function sh(command: string, args: string[]): string {
  try {
    return execFileSync(command, args).toString().trim();
  } catch {
    return '?';
  }
}

describe('footprint benchmark', () => {
  it('weighs the pages and starts the api on an existing embedded data dir', async () => {
    const loadBefore = loadavg();
    const pages = [
      pageWeight('attendee (web)', join(DIST, 'web')),
      pageWeight('overlay', join(DIST, 'overlay')),
    ];
    if (!existsSync(join(DIST, 'api', 'main.js')))
      throw new Error('dist/apps/api/main.js missing: build first');

    const dataDir = mkdtempSync(join(tmpdir(), 'podium-footprint-'));
    let first: Start;
    const starts: Start[] = [];
    try {
      // The first start creates the data dir and runs every migration; the measured ones reopen it.
      first = await startApi(dataDir, 0);
      for (let i = 0; i < STARTS; i += 1) {
        const start = await startApi(dataDir, IDLE_MS);
        starts.push(start);
        console.log(
          `start ${i + 1}: healthy after ${start.healthyMs.toFixed(0)} ms, RSS ${mb(start.rss)} after ${IDLE_MS} ms idle`,
        );
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const loadAfter = loadavg();

    const [attendee, overlay] = pages.map((page) => page.loaded.reduce((sum, asset) => sum + asset.gzip, 0));
    const startMs = median(starts.map((s) => s.healthyMs));
    const rss = median(starts.map((s) => s.rss));
    const cpu = cpus();
    const builtAt = statSync(join(DIST, 'web', 'index.html')).mtime.toISOString();
    const pageRows = pages.flatMap((page) => [
      ...page.loaded.map((a) => `| ${page.page} | ${a.file} | ${kb(a.raw)} | ${kb(a.gzip)} |`),
      ...page.css.map(
        (a) => `| ${page.page} (css, not counted) | ${a.file} | ${kb(a.raw)} | ${kb(a.gzip)} |`,
      ),
    ]);
    const markdown = [
      '# Footprint benchmark: results',
      '',
      'Written by `bench/footprint.bench.ts` (see `bench/README.md`); run it again to replace this file.',
      '',
      `- Date: ${new Date().toISOString()}; build of ${builtAt}; commit ${sh('git', ['rev-parse', '--short', 'HEAD'])} (with uncommitted changes)`,
      `- Machine: nproc ${sh('nproc', [])} (${cpu[0]?.model ?? 'cpu'}), ${Math.round(totalmem() / 2 ** 30)} GiB; \`free -g\`: ${sh('free', ['-g']).split('\n')[1]?.replace(/\s+/g, ' ') ?? '?'}`,
      `- Load average before ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min); Node ${process.version}`,
      '',
      '| measure | result | target | verdict |',
      '| ------- | ------ | ------ | ------- |',
      `| attendee page JS, gzipped | ${kb(attendee ?? 0)} | ≤ 120 KB | ${verdict(attendee ?? 0, TARGETS.attendeeJs)} |`,
      `| overlay page JS, gzipped | ${kb(overlay ?? 0)} | ≤ 60 KB | ${verdict(overlay ?? 0, TARGETS.overlayJs)} |`,
      `| api RSS, idle ${IDLE_MS / 1000} s after healthy (median of ${STARTS}) | ${mb(rss)} | ≤ 150 MB | ${verdict(rss, TARGETS.idleRss)} |`,
      `| start → /api/health 200, existing data dir (median of ${STARTS}) | ${startMs.toFixed(0)} ms | ≤ 5 s | ${verdict(startMs, TARGETS.startMs)} |`,
      '',
      `Every start (ms → idle RSS, peak RSS): ${starts.map((s) => `${s.healthyMs.toFixed(0)} ms → ${mb(s.rss)}, ${mb(s.rssPeak)}`).join('; ')}.`,
      `First start on a new data dir (creates it, runs every migration): ${first.healthyMs.toFixed(0)} ms, not counted.`,
      '',
      '| page | file loaded on first visit | raw | gzip (level 6) |',
      '| ---- | -------------------------- | --- | -------------- |',
      ...pageRows,
      '',
      ...pages.map(
        (page) =>
          `- ${page.page}: ${page.lazy.length === 0 ? 'no lazy chunks' : `lazy chunks not counted: ${page.lazy.join(', ')}`}.`,
      ),
      '',
      "Page JS: the scripts and modulepreloads of the app's index.html plus every chunk they import",
      'statically (the web app is one bundle for every route, so the attendee page loads all of it).',
      'The api: `node dist/apps/api/main.js`, embedded database (PGlite runs inside the api process, so',
      'its memory is in this RSS), no Redis, `LOG_LEVEL=warn`, RSS from `/proc/<pid>/status`.',
      '',
    ].join('\n');
    writeFileSync(RESULTS_FILE, markdown);
    console.log(markdown);
    expect(starts).toHaveLength(STARTS);
    expect(readdirSync(join(DIST, 'web', 'assets')).length).toBeGreaterThan(0);
  });
});
