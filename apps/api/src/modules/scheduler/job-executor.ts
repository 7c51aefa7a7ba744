import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import type { JobHandler, JobRun } from './job-scheduler';
import { JobRunsRepository } from './job-runs.repository';

/** This process, as named in the job-run log. */
export const INSTANCE_ID = `${hostname()}:${process.pid}`;

/** Runs a registered handler and records the run, whichever driver triggered it. */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();

  constructor(private readonly runs: JobRunsRepository) {}

  register<TData>(name: string, handler: JobHandler<TData>): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} is registered twice`);
    this.handlers.set(name, handler as JobHandler);
  }

  async execute(run: JobRun): Promise<void> {
    const handler = this.handlers.get(run.name);
    if (!handler) throw new Error(`no handler for job ${run.name}`);
    const id = await this.runs.start(run.name, run.runKey, INSTANCE_ID);
    try {
      await handler(run);
      await this.runs.finish(id, 'succeeded', null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        { job: run.name, runKey: run.runKey, attempt: run.attempt, err: message },
        'job failed',
      );
      await this.runs.finish(id, 'failed', message);
      throw error;
    }
  }
}
