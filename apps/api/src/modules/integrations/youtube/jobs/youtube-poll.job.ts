import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import { JobScheduler } from '../../../scheduler/job-scheduler';
import type { YoutubeCredentials } from '../youtube-credentials';
import { YoutubePoller } from '../youtube-poller';
import { readYoutubeState } from '../youtube-state';
import { YoutubeStateRepository } from '../youtube-state.repository';

export const YOUTUBE_POLL_JOB = 'youtube.poll';

export const YoutubePollDataSchema = z.object({
  connectionId: z.uuid(),
  step: z.number().int().nonnegative(),
});
export type YoutubePollData = z.infer<typeof YoutubePollDataSchema>;

/** One id per step of a connection's chain: replicas arming the same step collapse into one job (no `:` for BullMQ). */
export function youtubePollJobId({ connectionId, step }: YoutubePollData): string {
  return `youtube-poll-${connectionId}-${step}`;
}

/**
 * Drives each YouTube connection as a chain of delayed jobs, one per poll: a run does its step,
 * moves the chain on in the database (only if it still owns that step) and arms the next run
 * after the delay the step chose. With BullMQ the armed job lives in Redis, so a restart or
 * another replica picks it up; in-process, `start` re-arms it from the stored step and due time.
 */
@Injectable()
export class YoutubePollJob implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(YoutubePollJob.name);
  /** Connections stopped in this process (shutdown): their runs here step aside for another process. */
  private readonly stoppedHere = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly connections: ConnectionsService,
    private readonly poller: YoutubePoller,
    private readonly state: YoutubeStateRepository,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(YOUTUBE_POLL_JOB, (run) => this.track(run.data));
  }

  /** Lets runs under way move their chain on before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.inFlight]);
  }

  async arm(data: YoutubePollData, delayMs: number): Promise<void> {
    await this.scheduler.enqueue(YOUTUBE_POLL_JOB, data, {
      jobId: youtubePollJobId(data),
      delayMs: Math.max(0, Math.round(delayMs)),
    });
  }

  stopHere(connectionId: string): void {
    this.stoppedHere.add(connectionId);
  }

  resumeHere(connectionId: string): void {
    this.stoppedHere.delete(connectionId);
  }

  private async track(raw: unknown): Promise<void> {
    const run = this.run(raw);
    this.inFlight.add(run);
    try {
      await run;
    } finally {
      this.inFlight.delete(run);
    }
  }

  private async run(raw: unknown): Promise<void> {
    const parsed = YoutubePollDataSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`invalid YouTube poll job data: ${parsed.error.message}`);
    const data = parsed.data;
    if (this.closing || this.stoppedHere.has(data.connectionId)) {
      // Failing hands the run back to the queue (BullMQ retries it, here after a restart or elsewhere).
      throw new Error('YouTube polling of this connection was stopped in this process');
    }
    const connection = await this.connections.record<YoutubeCredentials>(data.connectionId);
    if (!connection || connection.platform !== 'youtube' || connection.status === 'disconnected') return;
    const state = readYoutubeState(connection.state);
    if (state.step !== data.step) {
      // The chain moved on without this run. If it moved exactly one step, the run that moved it
      // may have died before arming the next: arming again is harmless (same job id).
      if (state.step === data.step + 1 && state.mode !== 'stopped') {
        await this.arm(
          { connectionId: data.connectionId, step: state.step },
          this.remaining(state.nextRunAt),
        );
      }
      return;
    }
    const outcome = await this.poller.step(connection, state);
    const next = { connectionId: data.connectionId, step: data.step + 1 };
    const nextRunAt = outcome.delayMs === null ? null : new Date(Date.now() + outcome.delayMs).toISOString();
    const moved = await this.state.advance(data.connectionId, data.step, {
      ...outcome.patch,
      step: next.step,
      nextRunAt,
    });
    if (!moved) {
      this.logger.log(
        { connectionId: data.connectionId, step: data.step },
        'another run moved the YouTube chain on',
      );
      return;
    }
    if (
      outcome.status &&
      (outcome.status.status !== connection.status || outcome.status.detail !== connection.statusDetail)
    ) {
      await this.connections.setStatus(data.connectionId, outcome.status.status, outcome.status.detail);
    }
    if (outcome.delayMs !== null) await this.arm(next, outcome.delayMs);
  }

  remaining(nextRunAt: string | null): number {
    return nextRunAt ? Math.max(0, Date.parse(nextRunAt) - Date.now()) : 0;
  }
}
