import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { JobRunsRepository } from './job-runs.repository';
import { JobScheduler } from './job-scheduler';

export const PURGE_JOB_RUNS_JOB = 'scheduler.purgeJobRuns';
/** Runs are kept this long: enough to look into a problem, not a row per poll forever. */
export const JOB_RUNS_KEPT_DAYS = 3;

/** Periodic housekeeping: pollers and sweeps record a run every few seconds; old runs go. */
@Injectable()
export class PurgeJobRunsJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PurgeJobRunsJob.name);

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly runs: JobRunsRepository,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(PURGE_JOB_RUNS_JOB, async () => {
      const purged = await this.purge();
      if (purged > 0) this.logger.log({ purged }, 'old job runs purged');
    });
  }

  purge(now = new Date()): Promise<number> {
    return this.runs.purgeStartedBefore(new Date(now.getTime() - JOB_RUNS_KEPT_DAYS * 86_400_000));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(
      'housekeeping:purge-job-runs',
      PURGE_JOB_RUNS_JOB,
      this.config.housekeepingEveryMs,
    );
  }
}
