import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner } from '../../database/transaction';
import { ReportBuilder } from './report-builder.service';
import { ReportsRepository } from './reports.repository';

/**
 * Builds a report when a stream goes offline (dispatched chat events: a failure retries the event,
 * and rebuilding rewrites the same report) and when a meeting ends; keeps the live-stream list the
 * viewer sampler reads.
 */
@Injectable()
export class ReportsListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReportsListener.name);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
    private readonly reports: ReportsRepository,
    private readonly builder: ReportBuilder,
  ) {}

  onModuleInit(): void {
    const on = this.unsubscribe.push.bind(this.unsubscribe);
    on(
      this.events.on('stream.wentOnline', ({ event }) =>
        this.reports.markLive(this.tx.none, {
          connectionId: event.connectionId,
          workspaceId: event.workspaceId,
          onlineEventId: event.id,
          startedAt: new Date(event.occurredAt),
        }),
      ),
    );
    on(
      this.events.on('stream.wentOffline', async ({ event }) => {
        await this.reports.markEnded(this.tx.none, event.connectionId, new Date(event.occurredAt));
        await this.builder.buildStream(event.workspaceId, event.connectionId, event.id);
      }),
    );
    // Published, not dispatched: a failure is logged (an organizer can recompute from the list).
    on(
      this.events.on('meeting.stateChanged', async ({ workspaceId, meetingId, previousPhase, state }) => {
        if (state.phase !== 'after' || previousPhase === 'after') return;
        try {
          await this.builder.buildMeeting(workspaceId, meetingId);
        } catch (error) {
          this.logger.error({ err: error, workspaceId, meetingId }, 'building the meeting report failed');
        }
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }
}
