import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { AuthService } from '../auth.service';

export const PURGE_SESSIONS_JOB = 'auth.purgeExpiredSessions';

/** Periodic housekeeping: forget sessions past their expiry. */
@Injectable()
export class PurgeSessionsJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PurgeSessionsJob.name);

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** Handlers are registered before any worker starts taking jobs. */
  onModuleInit(): void {
    this.scheduler.register(PURGE_SESSIONS_JOB, async () => {
      const purged = await this.auth.purgeExpiredSessions();
      if (purged > 0) this.logger.log({ purged }, 'expired sessions purged');
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(
      'housekeeping:purge-sessions',
      PURGE_SESSIONS_JOB,
      this.config.housekeepingEveryMs,
    );
  }
}
