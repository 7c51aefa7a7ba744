import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import type * as Bullmq from 'bullmq';
import type { Job, Queue, Worker } from 'bullmq';
import { outageOf } from '../../../common/errors/outage';
import { RedisService } from '../../redis/redis.service';
import { JobExecutor } from '../job-executor';
import { type EnqueueOptions, type JobHandler, JobScheduler } from '../job-scheduler';

const QUEUE_NAME = 'jobs';

/*
 * bullmq (and its ~170 modules) loads only when this driver is made, that is with REDIS_URL: an
 * embedded install never pays the ~4 MB of heap it keeps. `require` keeps the constructor
 * synchronous.
 */
const bullmq = (): typeof Bullmq => require('bullmq') as typeof Bullmq;

/**
 * Multi-replica driver: BullMQ job schedulers produce one job per period however many replicas
 * upsert them, and whichever worker takes it runs it. Failed runs retry with exponential backoff.
 */
@Injectable()
export class BullmqScheduler
  extends JobScheduler
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  readonly driver = 'bullmq' as const;
  private readonly logger = new Logger(BullmqScheduler.name);
  private readonly queue: Queue;
  private worker?: Worker;
  /** What this process scheduled, to lay it down again if Redis comes back without it. */
  private readonly schedules = new Map<string, { name: string; everyMs: number; data: unknown }>();

  constructor(
    private readonly redis: RedisService,
    private readonly executor: JobExecutor,
  ) {
    super();
    const connection = redis.connect('jobs-queue');
    this.queue = new (bullmq().Queue)(QUEUE_NAME, {
      connection,
      prefix: redis.keyPrefix,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      },
    });
    this.queue.on('error', (error) => this.logUnlessOutage(error));
    connection.on('ready', () => void this.restoreSchedules());
  }

  register<TData>(name: string, handler: JobHandler<TData>): void {
    this.executor.register(name, handler);
  }

  async schedule(schedulerId: string, name: string, everyMs: number, data: unknown = {}): Promise<void> {
    this.schedules.set(schedulerId, { name, everyMs, data });
    await this.queue.upsertJobScheduler(schedulerId, { every: everyMs }, { name, data });
  }

  async unschedule(schedulerId: string): Promise<void> {
    this.schedules.delete(schedulerId);
    await this.queue.removeJobScheduler(schedulerId);
  }

  /**
   * A Redis that restarted without persistence has lost every job scheduler. Upserting is
   * idempotent, so after each reconnect every replica lays its schedules down again.
   */
  private async restoreSchedules(): Promise<void> {
    for (const [schedulerId, { name, everyMs, data }] of this.schedules) {
      try {
        await this.queue.upsertJobScheduler(schedulerId, { every: everyMs }, { name, data });
      } catch (error) {
        // Redis went away again: its next 'ready' tries again.
        this.logger.warn({ schedulerId, err: (error as Error).message }, 'could not restore a job schedule');
        return;
      }
    }
  }

  async enqueue(name: string, data: unknown, options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(name, data, { jobId: options.jobId, delay: options.delayMs });
  }

  onApplicationBootstrap(): void {
    this.worker = new (bullmq().Worker)(QUEUE_NAME, (job: Job) => this.process(job), {
      connection: this.redis.connect('jobs-worker', { maxRetriesPerRequest: null }),
      prefix: this.redis.keyPrefix,
      concurrency: 4,
    });
    // The worker reconnects and resumes by itself.
    this.worker.on('error', (error) => this.logUnlessOutage(error));
    this.worker.on('failed', (job, error) => {
      const gaveUp = job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1);
      if (gaveUp) this.logger.error({ job: job.name, id: job.id, err: error.message }, 'job gave up');
    });
  }

  /** Connection errors repeat on every reconnect attempt; RedisService logs the outage once. */
  private logUnlessOutage(error: Error): void {
    if (outageOf(error) === undefined) this.logger.warn({ err: error.message }, 'job queue error');
  }

  private process(job: Job): Promise<void> {
    return this.executor.execute({
      name: job.name,
      runKey: job.id ?? `${job.name}:${job.timestamp}`,
      data: job.data as unknown,
      attempt: job.attemptsMade + 1,
    });
  }

  /**
   * Stops taking jobs and lets running ones finish while the database is still open (TypeORM
   * closes it in onApplicationShutdown, after every module's onModuleDestroy).
   */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
