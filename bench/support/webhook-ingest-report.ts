import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { IngestOutcome, Percentiles } from './webhook-ingest-effects';
import type { WindowLoad } from './pid-sampler';
import { commitLabel } from './git-commit';

export const TARGETS = { acceptedPerSecond: 3000, ackP99Ms: 50, effectP99Ms: 500 };

export interface WindowResult {
  window: number;
  messages: number;
  outcome: IngestOutcome;
  /** Over the load generator's run: the api, every PostgreSQL process, the load generator itself. */
  load: { api: WindowLoad; postgres: WindowLoad; generator: WindowLoad };
  /** Database commits from the first delivery until every effect was in, all sources together. */
  commits: number;
}

export interface ReportContext {
  smoke: boolean;
  loadBefore: number[];
  loadAfter: number[];
  duplicateShare: number;
  note: string;
}

const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const trio = (p: Percentiles | null) => (p ? `${fixed(p.p50)} / ${fixed(p.p95)} / ${fixed(p.p99)}` : '-');

/** "met (1.4×)" when `value` is on the right side of `target`, else "missed (0.3×)"; the ratio is how far. */
export function verdict(value: number | undefined, target: number, higherIsBetter: boolean): string {
  if (value === undefined || !Number.isFinite(value)) return 'missed (no value)';
  const ratio = higherIsBetter ? value / target : target / Math.max(value, 0.001);
  return `${ratio >= 1 ? 'met' : 'missed'} (${ratio.toFixed(2)}×)`;
}

function sh(command: string, args: string[]): string {
  try {
    return execFileSync(command, args).toString().trim();
  } catch {
    return '?';
  }
}

/** CPU milliseconds a process spent per delivery: steadier than accepted/s on a shared machine. */
function cpuMsPerDelivery(load: WindowLoad, outcome: IngestOutcome): number {
  return ((load.cpuPercent / 100) * outcome.wallMs) / Math.max(1, outcome.deliveries);
}

const withMs = (load: WindowLoad, outcome: IngestOutcome) =>
  `${fixed(load.cpuPercent)} (${cpuMsPerDelivery(load, outcome).toFixed(2)})`;

/**
 * What the cores allow at the measured CPU per delivery: every delivery costs the api, PostgreSQL
 * and (here, on the same machine) the load generator; the platforms' senders would not be here.
 */
export function cpuBudgetLines(results: WindowResult[], cores: number): string[] {
  return results.map(({ window, outcome: o, load }) => {
    const api = cpuMsPerDelivery(load.api, o);
    const server = api + cpuMsPerDelivery(load.postgres, o);
    const all = server + cpuMsPerDelivery(load.generator, o);
    const most = (ms: number, onCores: number) => Math.round((onCores * 1000) / Math.max(ms, 0.001));
    return (
      `window ${window}: ${all.toFixed(2)} ms of CPU per delivery (api ${api.toFixed(2)}, PostgreSQL ` +
      `${(server - api).toFixed(2)}, load generator ${(all - server).toFixed(2)}): ${cores} cores allow at most ` +
      `${most(all, cores)}/s with the load generator on them, ${most(server, cores)}/s without it, and one api ` +
      `process on a whole core ${most(api, 1)}/s; ${TARGETS.acceptedPerSecond}/s would take ` +
      `${((TARGETS.acceptedPerSecond * all) / 1000).toFixed(1)} cores at these costs`
    );
  });
}

/** One line per target for the best window (the highest accepted/s). */
export function summaryLines(results: WindowResult[]): string[] {
  return results.map(({ window, outcome: o }) => {
    const doubles = o.checks.doubleEvents + o.checks.doubleReplies + o.checks.doubleSentAtTwitch;
    return [
      `window ${window}: accepted/s ${fixed(o.acceptedPerSecond)} (${verdict(o.acceptedPerSecond, TARGETS.acceptedPerSecond, true)})`,
      `ack p99 ${fixed(o.ackMs?.p99 ?? NaN)} ms (${verdict(o.ackMs?.p99, TARGETS.ackP99Ms, false)})`,
      `ack → effect p99 ${fixed(o.effectMs?.p99 ?? NaN)} ms (${verdict(o.effectMs?.p99, TARGETS.effectP99Ms, false)})`,
      `double effects ${doubles} of ${o.resends} resends (${doubles === 0 ? 'met' : 'missed'})`,
    ].join('; ');
  });
}

export function markdown(results: WindowResult[], context: ReportContext): string {
  const cpu = cpus();
  const rows = results.map(({ window, messages, outcome: o, load, commits }) =>
    [
      window,
      messages,
      `${o.deliveries} (${o.resends} resends)`,
      fixed(o.wallMs / 1000),
      fixed(o.acceptedPerSecond),
      trio(o.ackMs),
      fixed(o.ackMs?.max ?? NaN),
      trio(o.effectMs),
      trio(o.effectMessagesMs),
      trio(o.effectCommandsMs),
      withMs(load.api, o),
      `${fixed(load.api.rssMaxMib)} MiB`,
      withMs(load.postgres, o),
      withMs(load.generator, o),
      `${fixed(load.api.machinePercent)} %`,
      fixed(commits / Math.max(1, o.uniqueMessages)),
    ].join(' | '),
  );
  const checks = results.map(({ window, outcome: o }) =>
    [
      window,
      `${o.checks.storedEvents} / ${o.uniqueMessages}`,
      `${o.checks.handledEvents}`,
      `${o.checks.replies} / ${o.uniqueCommands}`,
      o.checks.commandUseCount,
      o.checks.doubleEvents,
      o.checks.doubleReplies,
      `${o.checks.sentAtTwitch} (${o.checks.doubleSentAtTwitch} twice)`,
      JSON.stringify(o.refused),
      o.transportErrors,
      o.missingEffects,
      trio(o.storedMs),
    ].join(' | '),
  );
  return [
    '# Webhook ingest benchmark: results',
    '',
    'Written by `bench/webhook-ingest.bench.ts` (see `bench/README.md`); run it again to replace this file.',
    '',
    `- Date: ${new Date().toISOString()}; commit ${commitLabel()}${context.smoke ? '; **smoke run** (targets not asserted)' : ''}`,
    `- Machine: nproc ${sh('nproc', [])} (${cpu[0]?.model ?? 'cpu'}), ${Math.round(totalmem() / 2 ** 30)} GiB; \`free -g\`: ${sh('free', ['-g']).split('\n')[1]?.replace(/\s+/g, ' ') ?? '?'}`,
    `- Load average before ${context.loadBefore.map((l) => l.toFixed(2)).join(' / ')}, after ${context.loadAfter.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min); Node ${process.version}`,
    `- Half the messages are \`!hello\` (a custom command replying "Hello {user}!"); ${Math.round(context.duplicateShare * 100)} % of the messages are posted a second time with the same message id.`,
    '',
    '## Targets',
    '',
    ...summaryLines(results).map((line) => `- ${line}`),
    '',
    '## Figures (ms: p50 / p95 / p99)',
    '',
    '| window | messages | deliveries | wall s | accepted/s | ack | ack max | ack → effect | plain line handled | reply queued | api CPU % (ms/delivery) | api RSS max | PostgreSQL CPU % (ms/delivery) | load generator CPU % (ms/delivery) | machine busy % | commits per message |',
    '| ------ | -------- | ---------- | ------ | ---------- | --- | ------- | ------------ | ------------------ | ------------ | ----------------------- | ----------- | ------------------------------ | ---------------------------------- | -------------- | ------------------- |',
    ...rows.map((row) => `| ${row} |`),
    '',
    "CPU: 100 % = one core, over the load generator's run; PostgreSQL is every postgres process on the machine (backends, WAL writer, checkpointer); machine busy: both cores, everything on them.",
    '',
    '## CPU per delivery and what the cores allow',
    '',
    ...cpuBudgetLines(results, cpu.length).map((line) => `- ${line}`),
    '',
    '## Exactly once',
    '',
    '| window | events stored / unique ids | handled | replies queued / unique commands | command use count | double events | double replies | sent at Twitch | refused | socket errors | effects missing | ack → row stored |',
    '| ------ | -------------------------- | ------- | -------------------------------- | ----------------- | ------------- | -------------- | -------------- | ------- | ------------- | --------------- | ---------------- |',
    ...checks.map((row) => `| ${row} |`),
    '',
    context.note,
    '',
  ].join('\n');
}
