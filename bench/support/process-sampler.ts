import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MiB = 1024 * 1024;

/** The api process's memory at one moment, MiB. */
export interface MemoryPoint {
  rss: number;
  heapUsed: number;
}

/** What the api process did during a window: CPU time over wall time, and its worst event-loop stall. */
export interface ApiLoad {
  /** 100 = one core busy the whole window (Node runs JavaScript on one thread). */
  cpuPercent: number;
  /** Longest delay of a timer due every sample period: how long the event loop was blocked at worst. */
  loopLagMaxMs: number;
}

interface Sample {
  epochMs: number;
  cpuMicros: number;
  rss: number;
  heapUsed: number;
}

// A full collection before a reading, so heap numbers compare live objects, not garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export function memoryNow(): MemoryPoint {
  const usage = process.memoryUsage();
  return { rss: usage.rss / MiB, heapUsed: usage.heapUsed / MiB };
}

export function settledMemory(): MemoryPoint {
  collectGarbage();
  collectGarbage();
  return memoryNow();
}

/**
 * Samples this process (the api's) on a timer: memory, CPU time and how late each tick fires. Runs
 * in the api's own event loop, so a late tick is exactly a stall the api's sockets also suffered.
 */
export class ProcessSampler {
  private readonly samples: Sample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly everyMs: number) {
    this.take();
    this.timer = setInterval(() => this.take(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.take();
  }

  /** The highest memory readings of the whole sampling. */
  peak(): MemoryPoint {
    return {
      rss: Math.max(...this.samples.map((s) => s.rss)),
      heapUsed: Math.max(...this.samples.map((s) => s.heapUsed)),
    };
  }

  /** Load between two epoch times (from the client process, same machine clock). */
  load(fromEpochMs: number, toEpochMs: number): ApiLoad {
    const before = this.samples.filter((s) => s.epochMs <= fromEpochMs).at(-1) ?? this.samples[0];
    const after = this.samples.find((s) => s.epochMs >= toEpochMs) ?? this.samples.at(-1);
    if (!before || !after || after.epochMs <= before.epochMs) return { cpuPercent: 0, loopLagMaxMs: 0 };
    let lag = 0;
    for (let i = 1; i < this.samples.length; i += 1) {
      const current = this.samples[i];
      const previous = this.samples[i - 1];
      if (!current || !previous || current.epochMs <= fromEpochMs || previous.epochMs >= toEpochMs) continue;
      lag = Math.max(lag, current.epochMs - previous.epochMs - this.everyMs);
    }
    return {
      cpuPercent: ((after.cpuMicros - before.cpuMicros) / 1000 / (after.epochMs - before.epochMs)) * 100,
      loopLagMaxMs: lag,
    };
  }

  private take(): void {
    const cpu = process.cpuUsage();
    const memory = memoryNow();
    this.samples.push({ epochMs: Date.now(), cpuMicros: cpu.user + cpu.system, ...memory });
  }
}
