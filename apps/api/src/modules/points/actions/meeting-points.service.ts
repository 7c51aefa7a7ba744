import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { meetingPointsCredit } from '@podium/points';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { ChatParticipantsService } from '../../meetings/live/chat-participants.service';
import { PointsLedger } from '../points-ledger';
import { PointsSettingsService } from '../points-settings.service';
import { MeetingPointsRepository } from './meeting-points.repository';

/**
 * Points earned in a meeting (quiz points and flag captures) become stream points when it ends, at
 * the workspace's `meetingPointsRate`, for the participants who joined from stream chat (they have a
 * viewer). In-room attendees have no viewer and get nothing. Each viewer is credited once per meeting
 * (`meeting:<meeting id>:<viewer id>`); the end is recorded first, so the conversion job finishes a
 * conversion that a failed or killed process left owed.
 */
@Injectable()
export class MeetingPointsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MeetingPointsService.name);
  private off: (() => void) | null = null;

  constructor(
    private readonly conversions: MeetingPointsRepository,
    private readonly participants: ChatParticipantsService,
    private readonly settings: PointsSettingsService,
    private readonly ledger: PointsLedger,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on(
      'meeting.stateChanged',
      async ({ workspaceId, meetingId, previousPhase, state }) => {
        if (state.phase !== 'after' || previousPhase === 'after') return;
        try {
          await this.conversions.markEnded(this.tx.none, meetingId, workspaceId);
          await this.convert(meetingId);
        } catch (error) {
          // Published events are not retried: the conversion job picks the meeting up.
          this.logger.error({ err: error, meetingId, workspaceId }, 'meeting points conversion failed');
        }
      },
    );
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  /** Converts an ended meeting's points if still owed; returns how many viewers were credited. */
  async convert(meetingId: string): Promise<number> {
    const owed = await this.conversions.owed(this.tx.none, meetingId);
    if (!owed) return 0;
    // Read before the transaction: the embedded database runs one transaction at a time.
    const { meetingPointsRate } = await this.settings.get(owed.workspaceId);
    const scores = meetingPointsRate > 0 ? await this.participants.viewerScores(meetingId) : [];
    return this.ledger.run(async (tx) => {
      if (!(await this.conversions.claim(tx, meetingId))) return 0;
      let credited = 0;
      for (const { viewerId, points } of scores) {
        const amount = meetingPointsCredit(points, meetingPointsRate);
        if (amount <= 0) continue;
        const result = await this.ledger.credit(tx, {
          workspaceId: owed.workspaceId,
          viewerId,
          amount,
          reason: 'meeting',
          sourceKey: `meeting:${meetingId}:${viewerId}`,
          note: `${points} meeting point${points === 1 ? '' : 's'}`,
        });
        if (result.applied) credited += 1;
      }
      await this.conversions.markConverted(tx, meetingId, credited);
      return credited;
    });
  }

  /** Finishes conversions left owed; one meeting's failure does not hold up the others. */
  async convertOverdue(olderThanMs: number, limit: number): Promise<number> {
    let converted = 0;
    for (const owed of await this.conversions.overdue(this.tx.none, olderThanMs, limit)) {
      try {
        await this.convert(owed.meetingId);
        converted += 1;
      } catch (error) {
        this.logger.error({ err: error, ...owed }, 'overdue meeting points conversion failed');
      }
    }
    return converted;
  }
}
