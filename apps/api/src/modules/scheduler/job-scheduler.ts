/** What a job handler is told about the run it performs. */
export interface JobRun<TData = unknown> {
  name: string;
  /** Identifies this run across processes: the same period of the same schedule has the same key. */
  runKey: string;
  data: TData;
  attempt: number;
}

export type JobHandler<TData = unknown> = (run: JobRun<TData>) => Promise<void>;

export interface EnqueueOptions {
  /** Jobs with the same id collapse into one while the first is pending. */
  jobId?: string;
  delayMs?: number;
}

/**
 * The one scheduling interface. Two drivers: in-process timers when Podium runs alone, BullMQ job
 * schedulers and workers when Redis is there (each period then runs once across all replicas).
 */
export abstract class JobScheduler {
  abstract readonly driver: 'in-process' | 'bullmq';

  /** Declares what a job name does. Every process registers the same handlers at start. */
  abstract register<TData>(name: string, handler: JobHandler<TData>): void;

  /** Runs `name` every `everyMs`. Idempotent: every replica may call it, one schedule results. */
  abstract schedule(schedulerId: string, name: string, everyMs: number, data?: unknown): Promise<void>;

  abstract unschedule(schedulerId: string): Promise<void>;

  /** Runs `name` once, soon (or after `delayMs`). */
  abstract enqueue(name: string, data: unknown, options?: EnqueueOptions): Promise<void>;
}
