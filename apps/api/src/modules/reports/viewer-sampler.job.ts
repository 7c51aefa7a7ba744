import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../../database/transaction';
import { ConnectionsService } from '../chat/connections/connections.service';
import { PlatformAdapters } from '../chat/platform-adapters';
import { JobScheduler } from '../scheduler/job-scheduler';
import { ReportsRepository } from './reports.repository';

export const SAMPLE_VIEWERS_JOB = 'reports.sampleViewers';
export const SAMPLE_EVERY_MS = 60_000;

/**
 * Every minute, asks each live stream's platform how many watch (where the adapter can tell) and
 * keeps the count for the stream's report. The scheduler runs each period once across replicas; a
 * sample is keyed by (connection, time), so a replayed run stores nothing twice.
 */
@Injectable()
export class ViewerSamplerJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ViewerSamplerJob.name);

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly tx: TransactionRunner,
    private readonly reports: ReportsRepository,
    private readonly connections: ConnectionsService,
    private readonly adapters: PlatformAdapters,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(SAMPLE_VIEWERS_JOB, async () => {
      await this.sample(new Date());
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(SAMPLE_VIEWERS_JOB, SAMPLE_VIEWERS_JOB, SAMPLE_EVERY_MS);
  }

  /** One sampling round at `now`; a platform that fails is skipped (logged), the others still count. */
  async sample(now: Date): Promise<number> {
    const sampledAt = now;
    let taken = 0;
    for (const live of await this.reports.liveStreams(this.tx.none)) {
      const connection = await this.connections.record(live.connection_id);
      const adapter = connection ? this.adapters.find(connection.platform) : undefined;
      if (!connection || !adapter?.viewerCount) continue;
      try {
        const viewers = await adapter.viewerCount(connection);
        if (viewers === null) continue;
        await this.reports.addSample(this.tx.none, {
          workspaceId: live.workspace_id,
          connectionId: live.connection_id,
          sampledAt,
          viewers: Math.max(0, Math.round(viewers)),
        });
        taken += 1;
      } catch (error) {
        this.logger.warn(
          { err: error, connectionId: live.connection_id },
          'sampling the viewer count failed',
        );
      }
    }
    return taken;
  }
}
