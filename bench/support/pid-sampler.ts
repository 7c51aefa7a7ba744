import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples other processes from outside (the built api, PostgreSQL backends) through /proc: CPU time
 * and RSS of a set of pids, plus the whole machine's busy share. Linux only, like the bench machine.
 */

const TICKS_PER_SECOND = 100; // USER_HZ (`getconf CLK_TCK`), 100 on Linux
const MiB = 1024 * 1024;

interface Sample {
  epochMs: number;
  /** Summed utime + stime of the pids, ms. */
  cpuMs: number;
  /** Summed VmRSS of the pids, MiB. */
  rssMib: number;
  /** Whole machine, from /proc/stat: busy and total jiffies. */
  machineBusy: number;
  machineTotal: number;
}

export interface WindowLoad {
  /** CPU time of the pids over wall time; 100 = one core. */
  cpuPercent: number;
  rssMaxMib: number;
  /** Every core of the machine; 100 = all of them busy. */
  machinePercent: number;
}

function cpuMsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0; // gone
  }
}

function rssMibOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? (Number(match[1]) * 1024) / MiB : 0;
  } catch {
    return 0;
  }
}

function machine(): { busy: number; total: number } {
  const [, ...values] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
  const ticks = values.map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/**
 * Every PostgreSQL process on the machine: the backends and also the WAL writer and checkpointer,
 * which work for the commits a bench makes. Read anew at each sample, as pools open connections.
 */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

export class PidSampler {
  private readonly samples: Sample[] = [];
  private readonly timer: NodeJS.Timeout;
  /** Each pid's CPU at its last sample, and what all of them used since the first. */
  private readonly lastCpuMs = new Map<number, number>();
  private cpuUsedMs = 0;

  constructor(
    private readonly pids: () => readonly number[],
    everyMs = 100,
  ) {
    this.take();
    this.timer = setInterval(() => this.take(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.take();
  }

  /** Between two epoch times (the load generator's, same machine clock). */
  load(fromEpochMs: number, toEpochMs: number): WindowLoad {
    this.take();
    const inside = this.samples.filter((s) => s.epochMs >= fromEpochMs && s.epochMs <= toEpochMs);
    const before = this.samples.filter((s) => s.epochMs <= fromEpochMs).at(-1) ?? this.samples[0];
    const after = this.samples.find((s) => s.epochMs >= toEpochMs) ?? this.samples.at(-1);
    if (!before || !after || after.epochMs <= before.epochMs) {
      return { cpuPercent: 0, rssMaxMib: 0, machinePercent: 0 };
    }
    return {
      cpuPercent: ((after.cpuMs - before.cpuMs) / (after.epochMs - before.epochMs)) * 100,
      rssMaxMib: Math.max(before.rssMib, ...inside.map((s) => s.rssMib)),
      machinePercent:
        ((after.machineBusy - before.machineBusy) / Math.max(1, after.machineTotal - before.machineTotal)) *
        100,
    };
  }

  private take(): void {
    const pids = this.pids();
    const whole = machine();
    this.samples.push({
      epochMs: Date.now(),
      cpuMs: this.cpuSoFar(pids),
      rssMib: pids.reduce((sum, pid) => sum + rssMibOf(pid), 0),
      machineBusy: whole.busy,
      machineTotal: whole.total,
    });
  }

  /**
   * Adds up each pid's CPU since its previous sample, so a set that changes (a pool opening or
   * closing connections) does not lose what an exited process used. A pid counts from its first
   * sample: a load generator's start-up (compiling its TypeScript) stays out of the window.
   */
  private cpuSoFar(pids: readonly number[]): number {
    for (const pid of pids) {
      const now = cpuMsOf(pid);
      const before = this.lastCpuMs.get(pid) ?? now;
      if (now >= before) this.cpuUsedMs += now - before;
      this.lastCpuMs.set(pid, now);
    }
    return this.cpuUsedMs;
  }
}
