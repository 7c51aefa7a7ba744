import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import { RedisService } from '../../redis/redis.service';
import { JobExecutor } from '../job-executor';
import { type EnqueueOptions, type JobHandler, JobScheduler } from '../job-scheduler';

const QUEUE_NAME = 'jobs';

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

  constructor(
    private readonly redis: RedisService,
    private readonly executor: JobExecutor,
  ) {
    super();
    this.queue = new Queue(QUEUE_NAME, {
      connection: redis.connect('jobs-queue'),
      prefix: redis.keyPrefix,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      },
    });
  }

  register<TData>(name: string, handler: JobHandler<TData>): void {
    this.executor.register(name, handler);
  }

  async schedule(schedulerId: string, name: string, everyMs: number, data: unknown = {}): Promise<void> {
    await this.queue.upsertJobScheduler(schedulerId, { every: everyMs }, { name, data });
  }

  async unschedule(schedulerId: string): Promise<void> {
    await this.queue.removeJobScheduler(schedulerId);
  }

  async enqueue(name: string, data: unknown, options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(name, data, { jobId: options.jobId, delay: options.delayMs });
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker(QUEUE_NAME, (job: Job) => this.process(job), {
      connection: this.redis.connect('jobs-worker', { maxRetriesPerRequest: null }),
      prefix: this.redis.keyPrefix,
      concurrency: 4,
    });
    this.worker.on('failed', (job, error) => {
      const gaveUp = job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1);
      if (gaveUp) this.logger.error({ job: job.name, id: job.id, err: error.message }, 'job gave up');
    });
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
