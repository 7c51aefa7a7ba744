import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { BullmqScheduler } from './drivers/bullmq.scheduler';
import { InProcessScheduler } from './drivers/in-process.scheduler';
import { JobExecutor } from './job-executor';
import { JobRunEntity } from './job-run.entity';
import { JobRunsRepository } from './job-runs.repository';
import { JobScheduler } from './job-scheduler';
import { PurgeJobRunsJob } from './purge-job-runs.job';

/** Provides the JobScheduler: BullMQ when REDIS_URL is set, in-process timers otherwise. */
@Module({})
export class SchedulerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SchedulerModule,
      global: true,
      imports: [ScheduleModule.forRoot(), TypeOrmModule.forFeature([JobRunEntity])],
      providers: [
        JobExecutor,
        JobRunsRepository,
        PurgeJobRunsJob,
        { provide: JobScheduler, useClass: config.redisUrl ? BullmqScheduler : InProcessScheduler },
      ],
      exports: [JobScheduler],
    };
  }
}
