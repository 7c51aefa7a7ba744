import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { PanelAuthService } from '../panel-auth.service';

export const PURGE_PANEL_SESSIONS_JOB = 'panel.purgeExpired';

/** Periodic housekeeping: forget panel links and sessions past their end. */
@Injectable()
export class PurgePanelSessionsJob implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly auth: PanelAuthService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(PURGE_PANEL_SESSIONS_JOB, () => this.auth.purgeExpired());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(
      'housekeeping:purge-panel-sessions',
      PURGE_PANEL_SESSIONS_JOB,
      this.config.housekeepingEveryMs,
    );
  }
}
