import { cpus, totalmem } from 'node:os';
import { type LiveRoomRun, meetsTargets, TARGETS } from './live-room-metrics';
import type { Percentiles } from './swarm-protocol';
import { commitLabel } from './git-commit';

export interface LiveRoomContext {
  date: string;
  machine: string;
  node: string;
  commit: string;
  loadBefore: number[];
  loadAfter: number[];
  smoke: boolean;
  votesPerSecond: number;
}

export function machineContext(
  loadBefore: number[],
): Omit<LiveRoomContext, 'loadAfter' | 'smoke' | 'votesPerSecond'> {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'} (nproc ${cpu.length}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`,
    node: process.version,
    commit: commitLabel(),
    loadBefore,
  };
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? 'never' : Math.round(value).toString();
const p3 = (p: Percentiles | null) => (p ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}` : '-');
const loads = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
const list = (values: number[], digits = 0) => values.map((v) => v.toFixed(digits)).join(' + ');
const problems = (run: LiveRoomRun) => {
  const out = Object.entries(run.refused).map(([code, n]) => `${n} ${code}`);
  if (run.joinFailed > 0) out.push(`${run.joinFailed} joins failed (${run.firstJoinError ?? '?'})`);
  if (run.dashboardMissing > 0) out.push(`${run.dashboardMissing} votes never on the dashboard`);
  return out.length > 0 ? out.join(', ') : 'none';
};

/** Highest N that met the latency targets, per replica count. */
export function capacity(runs: readonly LiveRoomRun[], replicas: number): number {
  return runs
    .filter((r) => r.replicas === replicas && meetsTargets(r))
    .reduce((n, r) => Math.max(n, r.attendees), 0);
}

export function renderLiveRoom(ctx: LiveRoomContext, runs: readonly LiveRoomRun[]): string {
  const lines: string[] = [
    '# Live room benchmark: results',
    '',
    'Written by `bench/live-room.bench.ts` (see `bench/README.md`); run it again to replace this file.',
    '',
    `- Date: ${ctx.date}${ctx.smoke ? ' (SMOKE run: smallest size, targets not asserted)' : ''}`,
    `- Machine: ${ctx.machine}; load average before ${loads(ctx.loadBefore)}, after ${loads(ctx.loadAfter)} (1 / 5 / 15 min)`,
    `- Node ${ctx.node}; commit ${ctx.commit}`,
    `- Api: built \`dist/apps/api/main.js\`, PostgreSQL + Redis, one fresh database per run; load generators are separate processes (≤ 10,000 sockets each) on the same machine; votes paced at ${ctx.votesPerSecond}/s, every attendee votes once`,
    '',
    '| replicas | N | joined | joins/s | RSS before → after (MiB) | RSS / attendee (KiB) | votes/s sent | ack p50 / p95 / p99 (ms) | vote → dashboard p50 / p95 / p99 (ms) | dashboard pushes | last vote → all have results (ms) | api CPU (% of a core, per replica) | api CPU ms per join / per vote | machine busy (%) | api peak RSS (MiB) | problems | targets |',
    '| - | - | - | - | - | - | - | - | - | - | - | - | - | - | - | - | - |',
  ];
  for (const r of runs) {
    lines.push(
      `| ${r.replicas} | ${r.attendees} | ${r.joined} | ${Math.round(r.joinPerSecond)} | ${list(r.rssBeforeMiB)} → ${list(r.rssAfterMiB)} | ${r.rssPerAttendeeKiB.toFixed(1)} | ${Math.round(r.sendRate)} | ${p3(r.ackMs)} | ${p3(r.dashboardMs)} | ${r.organizerPushes} | ${ms(r.toAllMs)} | ${list(r.load.apiCpuPercent)} | ${r.cpuMsPerJoin.toFixed(2)} / ${r.cpuMsPerVote.toFixed(2)} | ${r.load.machineBusyPercent.toFixed(0)} | ${list(r.load.apiPeakRssMiB)} | ${problems(r)} | ${meetsTargets(r) ? 'met' : 'missed'} |`,
    );
  }
  lines.push(
    '',
    '## Closing a quiz the whole room answered',
    '',
    'After the poll, everyone answers a quiz (speed scoring: totals and ranks differ between phones) at the same pace; then the organizer closes it. Each phone gets its own score and rank (`attendee.score`).',
    '',
    '| replicas | N | answered | close ack (ms) | close → dashboard scoreboard (ms) | close → every phone has the results (ms) | close → every phone scored (ms) | phones scored | score pushes per phone | api CPU from close (ms) |',
    '| - | - | - | - | - | - | - | - | - | - |',
  );
  for (const r of runs) {
    const q = r.quizClose;
    lines.push(
      `| ${r.replicas} | ${r.attendees} | ${q.answered} | ${ms(q.closeAckMs)} | ${ms(q.dashboardScoreboardMs)} | ${ms(q.allRevealedMs)} | ${ms(q.allScoredMs)} | ${q.scored} | ${q.pushesPerPhone.toFixed(2)} | ${ms(q.apiCpuMs)} |`,
    );
  }
  lines.push('', '## Against the targets', '');
  const one = capacity(runs, 1);
  const three = capacity(runs, 3);
  const top = runs.filter((r) => r.replicas === 1).sort((a, b) => b.attendees - a.attendees)[0];
  if (top) {
    const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
    const p99 = top.dashboardMs?.p99 ?? null;
    lines.push(
      `- One replica, largest room (${top.attendees}; target ${TARGETS.attendees}): vote → dashboard p99 ${ms(p99)} ms against ≤ ${TARGETS.dashboardP99Ms} (${verdict(p99 !== null && p99 <= TARGETS.dashboardP99Ms)}, ${p99 ? (p99 / TARGETS.dashboardP99Ms).toFixed(2) : '?'}× the target); results to all ${ms(top.toAllMs)} ms against ≤ ${TARGETS.toAllMs} (${verdict(top.toAllMs !== null && top.toAllMs <= TARGETS.toAllMs)}, ${top.toAllMs ? (top.toAllMs / TARGETS.toAllMs).toFixed(2) : '?'}×)`,
    );
  }
  lines.push(
    `- Largest room meeting both latency targets: 1 replica ${one || 'none'}, 3 replicas ${three || 'none'}; ratio ${one > 0 && three > 0 ? (three / one).toFixed(2) : '?'} (target ≥ ${TARGETS.replicaRatio})`,
    '',
  );
  return lines.join('\n');
}
