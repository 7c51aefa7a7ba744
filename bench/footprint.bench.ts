import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startApi, type ApiStart } from './support/api-start';
import { gzipTotal, pageWeight, type PageWeight } from './support/page-weight';
import { commitLabel } from './support/git-commit';

/**
 * Footprint of a built Podium (not a test: see bench/README.md): the JavaScript the attendee page
 * and an overlay page load, gzipped, from `dist/apps/web` and `dist/apps/overlay`; then the built
 * api (`dist/apps/api/main.js`) started as `npm start` does: on an existing embedded data dir (the
 * target) and, when PostgreSQL is reachable, on PostgreSQL + Redis: time from spawn to
 * `/api/health` 200, and its RSS after idling. Writes bench/results/footprint.md.
 */

const SMOKE = process.env['BENCH_SMOKE'] === '1';
const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist', 'apps');
const int = (name: string, fallback: number, smoke: number) =>
  SMOKE ? smoke : Math.max(0, Number.parseInt(process.env[name] ?? '', 10) || fallback);
const STARTS = Math.max(1, int('BENCH_FOOTPRINT_STARTS', 3, 1));
const IDLE_MS = int('BENCH_FOOTPRINT_IDLE_MS', 10_000, 1_000);
/** Another build of the api to measure (an earlier commit's, built), as the other benches take it. */
const API_MAIN = process.env['BENCH_API_MAIN'] ?? join(DIST, 'api', 'main.js');
const RESULTS_FILE = SMOKE
  ? join(tmpdir(), 'footprint-smoke.md')
  : (process.env['BENCH_RESULTS_FILE'] ?? join(__dirname, 'results', 'footprint.md'));
const DATABASE_URL = process.env['PODIUM_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['PODIUM_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const KB = 1024;
const MB = 1024 * 1024;
const TARGETS = { attendeeJs: 120 * KB, overlayJs: 60 * KB, idleRss: 150 * MB, startMs: 5_000 };

/**
 * The attendee's page is `/m/:meetingId`, which the api answers with the attendee's own entry,
 * `attendee.html` (apps/web/src/attendee-main.tsx): its scripts, every chunk they import
 * statically, and the public pages' part of the reader's language (English here), which the entry
 * imports before its first render.
 */
const ATTENDEE_PAGE = { html: 'attendee.html', chunks: ['locale-public-en'] };

/** Overlay views, one chunk each (`apps/overlay/src/views/*-overlay.tsx`): a scene loads one of them. */
function overlayViews(): string[] {
  return readdirSync(join(ROOT, 'apps', 'overlay', 'src', 'views'))
    .filter((file) => file.endsWith('-overlay.tsx'))
    .map((file) => file.replace(/\.tsx$/, ''));
}

/** The heaviest overlay page: the entry plus the view whose chunks weigh most. */
function heaviestOverlay(): PageWeight {
  const dir = join(DIST, 'overlay');
  const pages = overlayViews().map((view) => pageWeight(`overlay (${view})`, dir, [view]));
  return pages.reduce((heaviest, page) => (gzipTotal(page) > gzipTotal(heaviest) ? page : heaviest));
}

/** Notes under KEPT_MARKER in the results file (profiles, before/after) survive a new run. */
const KEPT_MARKER = '<!-- notes below are kept by the bench -->';
function keptNotes(): string {
  if (!existsSync(RESULTS_FILE)) return '';
  const text = readFileSync(RESULTS_FILE, 'utf8');
  const at = text.indexOf(KEPT_MARKER);
  return at < 0 ? '' : `\n${text.slice(at)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

function verdict(value: number, target: number): string {
  return value <= target
    ? `met (×${(value / target).toFixed(2)})`
    : `**missed** (×${(value / target).toFixed(2)})`;
}

function sh(command: string, args: string[]): string {
  try {
    return execFileSync(command, args).toString().trim();
  } catch {
    return '?';
  }
}

async function repeatStarts(env: Record<string, string>, label: string): Promise<ApiStart[]> {
  const starts: ApiStart[] = [];
  for (let i = 0; i < STARTS; i += 1) {
    const start = await startApi(API_MAIN, ROOT, env, IDLE_MS);
    starts.push(start);
    console.log(
      `${label} start ${i + 1}: healthy after ${start.healthyMs.toFixed(0)} ms (CPU ${start.cpuMs} ms), RSS ${mb(start.rss)}`,
    );
  }
  return starts;
}

/** The api on a fresh PostgreSQL database and a private Redis prefix; null when PostgreSQL is not there. */
async function postgresStarts(): Promise<ApiStart[] | null> {
  const admin = new Client({ connectionString: DATABASE_URL });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `podium_footprint_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(DATABASE_URL);
    url.pathname = `/${name}`;
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL,
      REDIS_PREFIX: `footprint-${process.pid}-${Date.now()}`,
    };
    await startApi(API_MAIN, ROOT, env, 0); // migrates the new database
    return await repeatStarts(env, 'postgres+redis');
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

describe('footprint benchmark', () => {
  it('weighs the pages and starts the api on an existing data dir', async () => {
    const loadBefore = loadavg();
    const pages = [
      pageWeight(
        'attendee (web, /m/:meetingId)',
        join(DIST, 'web'),
        ATTENDEE_PAGE.chunks,
        ATTENDEE_PAGE.html,
      ),
      heaviestOverlay(),
    ];
    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} missing: build first`);

    const dataDir = mkdtempSync(join(tmpdir(), 'podium-footprint-'));
    let first: ApiStart;
    let starts: ApiStart[];
    try {
      // The first start creates the data dir and runs every migration; the measured ones reopen it.
      first = await startApi(API_MAIN, ROOT, { DATA_DIR: dataDir }, 0);
      starts = await repeatStarts({ DATA_DIR: dataDir }, 'embedded');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Smoke runs skip the second mode: CI gives each bench a minute.
    const postgres = SMOKE ? null : await postgresStarts();
    const loadAfter = loadavg();

    const [attendee = 0, overlay = 0] = pages.map(gzipTotal);
    const startMs = median(starts.map((s) => s.healthyMs));
    const startCpuMs = median(starts.map((s) => s.cpuMs));
    const rss = median(starts.map((s) => s.rss));
    const cpu = cpus();
    const builtAt = statSync(join(DIST, 'web', 'index.html')).mtime.toISOString();
    const everyStart = (list: ApiStart[]) =>
      list
        .map((s) => `${s.healthyMs.toFixed(0)} ms (CPU ${s.cpuMs} ms) → ${mb(s.rss)}, peak ${mb(s.rssPeak)}`)
        .join('; ');
    const summary = [
      `attendee page JS: ${kb(attendee)} (${verdict(attendee, TARGETS.attendeeJs)})`,
      `overlay page JS: ${kb(overlay)} (${verdict(overlay, TARGETS.overlayJs)})`,
      `idle api RSS (embedded): ${mb(rss)} (${verdict(rss, TARGETS.idleRss)})`,
      `start → healthy (embedded, existing data dir): ${startMs.toFixed(0)} ms (${verdict(startMs, TARGETS.startMs)})`,
    ];
    const markdown = [
      `# Footprint benchmark: results${SMOKE ? ' (smoke run: sizes too small to mean anything)' : ''}`,
      '',
      'Written by `bench/footprint.bench.ts` (see `bench/README.md`); run it again to replace this file.',
      '',
      `- Date: ${new Date().toISOString()}; build of ${builtAt}; commit ${commitLabel()}`,
      `- Machine: nproc ${sh('nproc', [])} (${cpu[0]?.model ?? 'cpu'}), ${Math.round(totalmem() / 2 ** 30)} GiB; \`free -g\`: ${sh('free', ['-g']).split('\n')[1]?.replace(/\s+/g, ' ') ?? '?'}`,
      `- Load average before ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min); Node ${process.version}`,
      '',
      '| measure | result | target | verdict (result / target) |',
      '| ------- | ------ | ------ | ------------------------- |',
      `| attendee page JS, gzipped (attendee.html's scripts + static imports + language) | ${kb(attendee)} | ≤ 120 KB | ${verdict(attendee, TARGETS.attendeeJs)} |`,
      `| overlay page JS, gzipped (entry + heaviest view) | ${kb(overlay)} | ≤ 60 KB | ${verdict(overlay, TARGETS.overlayJs)} |`,
      `| api RSS, embedded, idle ${IDLE_MS / 1000} s after healthy (median of ${STARTS}) | ${mb(rss)} | ≤ 150 MB | ${verdict(rss, TARGETS.idleRss)} |`,
      `| start → /api/health 200, embedded, existing data dir (median of ${STARTS}) | ${startMs.toFixed(0)} ms | ≤ 5 s | ${verdict(startMs, TARGETS.startMs)} |`,
      `| CPU time the api used until healthy, embedded (median; what a quiet machine's start costs at least) | ${startCpuMs} ms | (≤ 5 s) | ${verdict(startCpuMs, TARGETS.startMs)} |`,
      postgres
        ? `| api RSS, PostgreSQL + Redis (not the target's mode), idle (median of ${STARTS}) | ${mb(median(postgres.map((s) => s.rss)))} | (≤ 150 MB) | ${verdict(median(postgres.map((s) => s.rss)), TARGETS.idleRss)} |`
        : '| api RSS, PostgreSQL + Redis | not measured (smoke run, or PostgreSQL unreachable) | | |',
      postgres
        ? `| start → healthy, PostgreSQL + Redis (median of ${STARTS}) | ${median(postgres.map((s) => s.healthyMs)).toFixed(0)} ms | (≤ 5 s) | ${verdict(median(postgres.map((s) => s.healthyMs)), TARGETS.startMs)} |`
        : '',
      '',
      `Embedded starts (ms → idle RSS, peak): ${everyStart(starts)}.`,
      `First start on a new data dir (creates it, runs every migration): ${first.healthyMs.toFixed(0)} ms, not counted.`,
      postgres ? `PostgreSQL + Redis starts: ${everyStart(postgres)}.` : '',
      '',
      '| page | file loaded on first visit | raw | gzip (level 6) |',
      '| ---- | -------------------------- | --- | -------------- |',
      ...pages.flatMap((page) => [
        ...[...page.loaded]
          .sort((a, b) => b.gzip - a.gzip)
          .map((a) => `| ${page.page} | ${a.file} | ${kb(a.raw)} | ${kb(a.gzip)} |`),
        ...page.css.map(
          (a) => `| ${page.page} (css, not counted) | ${a.file} | ${kb(a.raw)} | ${kb(a.gzip)} |`,
        ),
      ]),
      '',
      ...pages.map(
        (page) =>
          `- ${page.page}: route chunks ${page.routeChunks.join(', ') || 'none'}; ${page.lazy.length} lazy chunks not loaded by this page.`,
      ),
      '',
    ].join('\n');
    writeFileSync(RESULTS_FILE, markdown + keptNotes());
    console.log(`${markdown}\n${summary.join('\n')}`);

    // Correctness, smoke or not: the pages were found whole and every start answered healthy.
    expect(pages[0]?.routeChunks.length).toBeGreaterThan(0);
    expect(attendee).toBeGreaterThan(0);
    expect(overlay).toBeGreaterThan(0);
    expect(starts).toHaveLength(STARTS);
  });
});
