import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../../database/transaction';
import { JobScheduler } from '../scheduler/job-scheduler';
import { BackupRepository } from './backup.repository';
import { BackupService } from './backup.service';

export const BACKUP_SWEEP_JOB = 'backup.sweep';
/** How often due backups are looked for; an hourly backup runs at most this late. */
export const BACKUP_SWEEP_EVERY_MS = 60_000;

/**
 * Automatic backups: every minute, the workspaces whose backup is due are claimed (one statement,
 * so replicas never double a backup) and written to DATA_DIR/backups/<workspace>/<timestamp>.json.
 */
@Injectable()
export class BackupScheduleJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(BackupScheduleJob.name);

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly repository: BackupRepository,
    private readonly backups: BackupService,
    private readonly transactions: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(BACKUP_SWEEP_JOB, async () => {
      await this.sweep();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule('backup:sweep', BACKUP_SWEEP_JOB, BACKUP_SWEEP_EVERY_MS);
  }

  /** Writes every due backup; one failure is recorded on its schedule and does not stop the others. */
  async sweep(now = new Date()): Promise<number> {
    const due = await this.repository.claimDue(this.transactions.none, now);
    let written = 0;
    for (const schedule of due) {
      try {
        await this.backups.writeBackup(schedule.workspace_id, schedule.keep, now);
        written += 1;
      } catch (error) {
        this.logger.warn(
          { workspaceId: schedule.workspace_id, error: String(error) },
          'scheduled backup failed',
        );
      }
    }
    return written;
  }
}
