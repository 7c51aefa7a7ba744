import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { TransactionRunner } from '../../../database/transaction';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { IdempotencyRepository } from './idempotency.repository';

export const PURGE_IDEMPOTENCY_KEYS_JOB = 'api.purgeIdempotencyKeys';
/** How long a stored response can be replayed. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

/** Periodic housekeeping: forget Idempotency-Key records older than a day. */
@Injectable()
export class PurgeIdempotencyKeysJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PurgeIdempotencyKeysJob.name);

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly records: IdempotencyRepository,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(PURGE_IDEMPOTENCY_KEYS_JOB, async () => {
      const purged = await this.records.purgeOlderThan(this.transactions.none, IDEMPOTENCY_RETENTION_HOURS);
      if (purged > 0) this.logger.log({ purged }, 'old idempotency keys purged');
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(
      'housekeeping:purge-idempotency-keys',
      PURGE_IDEMPOTENCY_KEYS_JOB,
      this.config.housekeepingEveryMs,
    );
  }
}
