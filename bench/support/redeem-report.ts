import type { WindowLoad } from './pid-sampler';
import type { PhaseResult } from './redeem-load-protocol';

/** One measured phase of the redeem benchmark, with what the api and PostgreSQL spent on it. */
export interface RedeemRun {
  result: PhaseResult;
  viewers: number;
  inFlight: number;
  api: WindowLoad;
  postgres: WindowLoad;
}

export interface RedeemReportContext {
  date: string;
  machine: string;
  loadBefore: number[];
  loadAfter: number[];
  node: string;
  postgres: string;
  commit: string;
  poolSize: string;
  smoke: boolean;
  target: number;
  race: { requests: number; accepted: number; refused: number; shed: number; balance: number; ok: boolean };
  audit: string;
  notes: readonly string[];
}

export const perSecond = (run: RedeemRun) =>
  (run.result.sent * 1000) / Math.max(1, run.result.endedAtEpoch - run.result.startedAtEpoch);

/** CPU milliseconds a process spent per request: steadier than redeems/s on a shared machine. */
export const cpuMsPerRequest = (run: RedeemRun, load: WindowLoad) =>
  (load.cpuPercent / 100) * ((run.result.endedAtEpoch - run.result.startedAtEpoch) / run.result.sent);

const fixed = (value: number | undefined, digits = 0) => (value === undefined ? '-' : value.toFixed(digits));
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, n]) => `${n} ${key}`)
    .join(', ') || 'none';

function table(runs: readonly RedeemRun[]): string[] {
  return [
    '| phase | viewers | in flight | requests | time (ms) | redeems/s | p50 / p95 / p99 / max (ms) | api CPU % (ms/redeem) | api RSS max (MiB) | PostgreSQL CPU % (ms/redeem) | machine busy % | answers |',
    '| ----- | ------- | --------- | -------- | --------- | --------- | -------------------------- | --------------------- | ----------------- | ---------------------------- | -------------- | ------- |',
    ...runs.map((run) => {
      const r = run.result;
      const l = r.latency;
      const latency = l
        ? `${fixed(l.p50, 1)} / ${fixed(l.p95, 1)} / ${fixed(l.p99, 1)} / ${fixed(l.max, 1)}`
        : '-';
      const statuses = Object.entries(r.statuses).filter(([status]) => status !== '200');
      const problems =
        (statuses.length > 0 ? `; HTTP ${statuses.map(([status, n]) => `${n}× ${status}`).join(', ')}` : '') +
        (Object.keys(r.networkErrors).length > 0 ? `; network: ${counts(r.networkErrors)}` : '');
      return `| ${r.label} | ${run.viewers} | ${run.inFlight} | ${r.sent} | ${r.endedAtEpoch - r.startedAtEpoch} | ${Math.round(perSecond(run))} | ${latency} | ${fixed(run.api.cpuPercent)} (${fixed(cpuMsPerRequest(run, run.api), 2)}) | ${fixed(run.api.rssMaxMib, 1)} | ${fixed(run.postgres.cpuPercent)} (${fixed(cpuMsPerRequest(run, run.postgres), 2)}) | ${fixed(run.api.machinePercent)} | ${counts(r.outcomes)}${problems} |`;
    }),
  ];
}

export function summaryLines(ctx: RedeemReportContext, sustained: readonly RedeemRun[]): string[] {
  const best = Math.max(0, ...sustained.map(perSecond));
  return [
    `Redeem race (${ctx.race.requests} concurrent, balance for 5): ${ctx.race.accepted} accepted, ${ctx.race.refused} refused, ${ctx.race.shed} shed (503), balance ${ctx.race.balance} (${ctx.race.ok ? 'met' : 'missed'})`,
    `Sustained redeems: ${Math.round(best)}/s, target >= ${ctx.target}/s (${best >= ctx.target ? 'met' : 'missed'}, ${(best / ctx.target).toFixed(2)} of target)`,
  ];
}

export function renderRedeemMarkdown(
  ctx: RedeemReportContext,
  race: RedeemRun,
  sustained: readonly RedeemRun[],
): string {
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ');
  return [
    '# Redeem benchmark: results',
    '',
    'Written by `bench/redeems.bench.ts` (see `bench/README.md`); run it again to replace this file.',
    '',
    `- Date: ${ctx.date}${ctx.smoke ? ' (SMOKE run: smallest sizes, targets not asserted)' : ''}`,
    `- Machine: ${ctx.machine}; load average before ${load(ctx.loadBefore)}, after ${load(ctx.loadAfter)} (1 / 5 / 15 min)`,
    `- Node ${ctx.node}, PostgreSQL ${ctx.postgres}; api database pool ${ctx.poolSize}`,
    `- Commit: ${ctx.commit}`,
    '- The built api (`node dist/apps/api/main.js`) on a fresh database with Redis; the load comes from a',
    '  separate process posting `POST /api/panel/redeem` with viewers\u2019 panel session cookies.',
    '',
    '## Against the targets',
    '',
    ...summaryLines(ctx, sustained).map((line) => `- ${line}`),
    `- Exactly once (from the database afterwards): ${ctx.audit}`,
    '',
    '## Runs',
    '',
    ...table([race, ...sustained]),
    '',
    ...ctx.notes,
    '',
  ].join('\n');
}
