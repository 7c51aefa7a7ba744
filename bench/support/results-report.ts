import type { ApiLoad, MemoryPoint } from './process-sampler';
import { mib, ms, problems, rate, triple } from './report-format';
import { interpret } from './results-interpretation';
import type { BurstResult, JoinTimes, ResyncTimes } from './swarm-protocol';

/** A read of the results tick during a burst (ms after the first answer) and the pool it met. */
export interface ResultsRead {
  atMs: number;
  waiting: number;
  busy: number;
  tookMs: number;
}

export interface SizeRun {
  attendees: number;
  /** Every attendee joined over HTTP, connected its socket and got its snapshot. */
  connectMs: number;
  /** Attendees the organizer's dashboard counted as present before the bursts. */
  present: number;
  joins: JoinTimes;
  /** Re-join snapshots with the room full: before any answer, and after the word cloud burst. */
  resync: { before: ResyncTimes; after: ResyncTimes };
  poll: BurstResult;
  words: BurstResult;
  /** The api process during each burst (first answer sent → organizer saw all and every ack back). */
  pollLoad: ApiLoad;
  wordsLoad: ApiLoad;
  resultsReads: { poll: ResultsRead[]; words: ResultsRead[] };
  /** Every repeat's time until the organizer saw all answers (the reported run is the median one). */
  spread?: { pollWallMs: (number | null)[]; wordsWallMs: (number | null)[] };
  memory: {
    /** Booted, meeting prepared, nobody connected (after a full GC). */
    setup: MemoryPoint;
    /** N attendees + 1 dashboard connected (after a full GC). */
    connected: MemoryPoint;
    /** Highest sample during the two bursts (no GC forced). */
    burstPeak: MemoryPoint;
    /** Both bursts over, everyone still connected (after a full GC). */
    afterBursts: MemoryPoint;
    /** Everyone disconnected (after a full GC). */
    afterDisconnect: MemoryPoint;
  };
}

export interface RunContext {
  date: string;
  machine: string;
  node: string;
  commit: string;
  postgres: string;
  redis: string;
  poolSize: number;
  tickMs: number;
  wordsPerAttendee: number;
  repeats: number;
  loadBefore: number[];
  loadAfter: number[];
  durationS: number;
}

type Table = { header: string[]; rows: string[][] };

function burstTable(
  runs: readonly SizeRun[],
  pick: (run: SizeRun) => BurstResult,
  pickLoad: (run: SizeRun) => ApiLoad,
  pickSpread: (spread: NonNullable<SizeRun['spread']>) => (number | null)[],
): Table {
  return {
    header: [
      'N',
      'answers',
      'first sent → organizer sees all (ms)',
      'same, every run (ms)',
      'answers/s',
      'last ack (ms)',
      'ack p50 / p95 / max (ms)',
      'organizer pushes',
      'phone pushes (first / mean / max)',
      'api CPU (% of a core)',
      'api loop stall max (ms)',
      'refused',
    ],
    rows: runs.map((run) => {
      const burst = pick(run);
      const phones = burst.attendeePushes;
      const load = pickLoad(run);
      return [
        run.attendees.toString(),
        burst.answersSent.toString(),
        ms(burst.wallMs),
        run.spread ? pickSpread(run.spread).map(ms).join(', ') : ms(burst.wallMs),
        rate(burst.acksOk, burst.wallMs),
        ms(burst.lastAckMs),
        triple(burst.ackMs),
        burst.organizerPushes.toString(),
        `${phones.first} / ${phones.mean.toFixed(1)} / ${phones.max}`,
        load.cpuPercent.toFixed(0),
        ms(load.loopLagMaxMs),
        problems(burst),
      ];
    }),
  };
}

function roomTable(runs: readonly SizeRun[]): Table {
  return {
    header: [
      'N',
      'join all (ms)',
      'POST /api/join, first → last tenth (ms)',
      'socket + snapshot, first → last tenth (ms)',
      'present seen by organizer',
      're-join snapshot, phone: before → after answers (ms)',
      're-join snapshot, dashboard: before → after answers (ms)',
    ],
    rows: runs.map((run) => [
      run.attendees.toString(),
      ms(run.connectMs),
      `${ms(run.joins.http.firstTenthMs)} → ${ms(run.joins.http.lastTenthMs)}`,
      `${ms(run.joins.socket.firstTenthMs)} → ${ms(run.joins.socket.lastTenthMs)}`,
      run.present.toString(),
      `${run.resync.before.attendeeMs.toFixed(1)} → ${run.resync.after.attendeeMs.toFixed(1)}`,
      `${run.resync.before.organizerMs.toFixed(1)} → ${run.resync.after.organizerMs.toFixed(1)}`,
    ]),
  };
}

function memoryTable(runs: readonly SizeRun[]): Table {
  return {
    header: [
      'N',
      'heap: setup → connected → burst peak → after → disconnected (MiB)',
      'RSS: setup → connected → burst peak → after → disconnected (MiB)',
      'heap per connected attendee (KiB)',
    ],
    rows: runs.map((run) => {
      const m = run.memory;
      const points = [m.setup, m.connected, m.burstPeak, m.afterBursts, m.afterDisconnect];
      const perAttendee = ((m.connected.heapUsed - m.setup.heapUsed) * 1024) / run.attendees;
      return [
        run.attendees.toString(),
        points.map((p) => mib(p.heapUsed)).join(' → '),
        points.map((p) => mib(p.rss)).join(' → '),
        perAttendee.toFixed(1),
      ];
    }),
  };
}

/** Pads every cell to its column's width (the way Prettier lays out Markdown tables). */
function layout(table: Table, markdown: boolean): string {
  const all = [table.header, ...table.rows];
  const width = (cell: string | undefined) => [...(cell ?? '')].length;
  const widths = table.header.map((_, c) => Math.max(3, ...all.map((row) => width(row[c]))));
  const pad = (row: string[]) => row.map((cell, c) => cell + ' '.repeat((widths[c] ?? 0) - width(cell)));
  const line = (row: string[]) => (markdown ? `| ${pad(row).join(' | ')} |` : pad(row).join('  '));
  const rule = markdown
    ? `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`
    : widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(table.header), rule, ...table.rows.map(line)].join('\n');
}

const TIMELINE_SHOWN = 12;

/** Each organizer push of a burst as `ms → answers counted`. */
function timelines(runs: readonly SizeRun[]): string[] {
  return runs.flatMap((run) =>
    (
      [
        ['poll', run.poll, run.resultsReads.poll],
        ['word cloud', run.words, run.resultsReads.words],
      ] as const
    ).map(([name, burst, reads]) => {
      const shorten = (items: string[]) =>
        items.length > TIMELINE_SHOWN ? [...items.slice(0, TIMELINE_SHOWN), '…'] : items;
      const pushes = shorten(burst.organizerTimeline.map((p) => `${p.atMs} ms → ${p.counted}`));
      const started = shorten(
        reads.map((r) => `at ${r.atMs} ms, ${r.busy} busy + ${r.waiting} waiting, took ${ms(r.tookMs)} ms`),
      );
      return (
        `N=${run.attendees}, ${name} (${burst.answersSent} answers): pushes ${pushes.join(', ') || 'none'}; ` +
        `results reads ${started.join('; ') || 'none'}`
      );
    }),
  );
}

function header(ctx: RunContext): string[] {
  return [
    `- Date: ${ctx.date}`,
    `- Machine: ${ctx.machine}; load average before ${ctx.loadBefore.map((l) => l.toFixed(2)).join(' / ')}, ` +
      `after ${ctx.loadAfter.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`,
    `- Node ${ctx.node}, PostgreSQL ${ctx.postgres}, Redis ${ctx.redis}`,
    `- Commit: ${ctx.commit}`,
    `- Api: one process, database pool ${ctx.poolSize}, Redis adapter on, results tick ${ctx.tickMs} ms; ` +
      `clients in a separate process on the same machine; ${ctx.wordsPerAttendee} words per attendee; ` +
      `${ctx.repeats} run(s) per size, the one with the median poll time reported; ` +
      `whole run ${ctx.durationS.toFixed(0)} s`,
  ];
}

export function renderText(ctx: RunContext, runs: readonly SizeRun[]): string {
  return [
    'Meeting load benchmark',
    ...header(ctx),
    '',
    'Room filling',
    layout(roomTable(runs), false),
    '',
    'Poll burst (every attendee answers at once)',
    layout(
      burstTable(
        runs,
        (r) => r.poll,
        (r) => r.pollLoad,
        (s) => s.pollWallMs,
      ),
      false,
    ),
    '',
    'Word-cloud burst (every attendee sends its words one after the other, all attendees at once)',
    layout(
      burstTable(
        runs,
        (r) => r.words,
        (r) => r.wordsLoad,
        (s) => s.wordsWallMs,
      ),
      false,
    ),
    '',
    "Organizer pushes during the bursts (ms after the first answer → answers counted), and the results tick's reads (pool connections busy + queries waiting for one)",
    ...timelines(runs).map((line) => `* ${line}`),
    '',
    'Api process memory',
    layout(memoryTable(runs), false),
    '',
    ...interpret(runs, ctx).map((line) => `* ${line}`),
    '',
  ].join('\n');
}

export function renderMarkdown(ctx: RunContext, runs: readonly SizeRun[]): string {
  return [
    '# Meeting load benchmark: results',
    '',
    'Written by `bench/meeting-load.bench.ts` (see `bench/README.md`); run it again to replace this file.',
    '',
    ...header(ctx),
    '',
    '## Room filling',
    '',
    layout(roomTable(runs), true),
    '',
    '## Poll burst',
    '',
    'Every attendee answers at once; times from the first answer sent.',
    '',
    layout(
      burstTable(
        runs,
        (r) => r.poll,
        (r) => r.pollLoad,
        (s) => s.pollWallMs,
      ),
      true,
    ),
    '',
    '## Word-cloud burst',
    '',
    'Every attendee sends its words one after the other (each after the ack of the last), all attendees at once.',
    '',
    layout(
      burstTable(
        runs,
        (r) => r.words,
        (r) => r.wordsLoad,
        (s) => s.wordsWallMs,
      ),
      true,
    ),
    '',
    '## Organizer pushes during the bursts',
    '',
    'Each `meeting.results` the organizer dashboard received (ms after the first answer → answers it counted), ' +
      "and each read of the api's results tick: when it started, the database pool it found (connections " +
      'checked out + queries already waiting for one) and how long it took.',
    '',
    ...timelines(runs).map((line) => `- ${line}`),
    '',
    '## Api process memory',
    '',
    'Same process as the api (`process.memoryUsage()`); the clients run in another process.',
    '',
    layout(memoryTable(runs), true),
    '',
    '## Interpretation',
    '',
    ...interpret(runs, ctx).map((line) => `- ${line}`),
    '',
  ].join('\n');
}
