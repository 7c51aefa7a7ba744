import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { JobExecutor } from '../job-executor';
import { type EnqueueOptions, type JobHandler, JobScheduler } from '../job-scheduler';

/**
 * Single-process driver (no Redis). Timers live in @nestjs/schedule's registry; with one process
 * there is nobody to share a period with, so a timer per schedule is the whole job.
 */
@Injectable()
export class InProcessScheduler extends JobScheduler implements OnModuleDestroy {
  readonly driver = 'in-process' as const;
  private readonly logger = new Logger(InProcessScheduler.name);
  private readonly pending = new Set<string>();
  private readonly timeouts = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly executor: JobExecutor,
  ) {
    super();
  }

  register<TData>(name: string, handler: JobHandler<TData>): void {
    this.executor.register(name, handler);
  }

  async schedule(schedulerId: string, name: string, everyMs: number, data: unknown = {}): Promise<void> {
    await this.unschedule(schedulerId);
    const tick = () => {
      const periodStart = Math.floor(Date.now() / everyMs) * everyMs;
      void this.run(name, `${schedulerId}:${periodStart}`, data);
    };
    this.registry.addInterval(this.intervalName(schedulerId), setInterval(tick, everyMs));
  }

  async unschedule(schedulerId: string): Promise<void> {
    const name = this.intervalName(schedulerId);
    if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
  }

  async enqueue(name: string, data: unknown, options: EnqueueOptions = {}): Promise<void> {
    const jobId = options.jobId ?? `${name}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
    if (this.pending.has(jobId)) return;
    this.pending.add(jobId);
    const timeout = setTimeout(() => {
      this.timeouts.delete(timeout);
      void this.run(name, jobId, data).finally(() => this.pending.delete(jobId));
    }, options.delayMs ?? 0);
    this.timeouts.add(timeout);
  }

  private run(name: string, runKey: string, data: unknown): Promise<void> {
    if (this.closing) return Promise.resolve();
    const running = this.executor.execute({ name, runKey, data, attempt: 1 }).catch((error: unknown) => {
      this.logger.warn({ job: name, runKey, err: (error as Error).message }, 'in-process job failed');
    });
    this.running.add(running);
    return running.finally(() => this.running.delete(running));
  }

  private intervalName(schedulerId: string): string {
    return `podium:${schedulerId}`;
  }

  /** Before any database closes: no new runs, and the runs under way finish. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    for (const timeout of this.timeouts) clearTimeout(timeout);
    for (const name of this.registry.getIntervals()) {
      if (name.startsWith('podium:')) this.registry.deleteInterval(name);
    }
    await Promise.allSettled([...this.running]);
  }
}
