import { Injectable } from '@nestjs/common';
import type { MeetingReportDto, Platform, StreamReportDto } from '@podium/contracts';
import {
  activityBuckets,
  donationTotals,
  durationSeconds,
  meetingQuestionStats,
  pointsGivenAndSpent,
  viewerStats,
} from '@podium/points';
import { TransactionRunner } from '../../database/transaction';
import { ConnectionsService } from '../chat/connections/connections.service';
import { ChatLogService } from '../chat/events/chat-log.service';
import { PlatformAdapters } from '../chat/platform-adapters';
import { MeetingsService } from '../meetings/meetings.service';
import { PointsService } from '../points/points.service';
import { RedemptionQueueService } from '../redeems/redemption-queue.service';
import { type ReportRow, ReportsRepository } from './reports.repository';

const PLATFORM_NAMES: Record<Platform, string> = {
  twitch: 'Twitch',
  youtube: 'YouTube',
  owncast: 'Owncast',
  inroom: 'In-room',
  rehearsal: 'Rehearsal',
};

/**
 * Computes reports from the other modules' read methods (chat log, points, redemptions, meetings)
 * and stores them. Computing the same source again rewrites its report: safe to retry.
 */
@Injectable()
export class ReportBuilder {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly reports: ReportsRepository,
    private readonly chatLog: ChatLogService,
    private readonly connections: ConnectionsService,
    private readonly adapters: PlatformAdapters,
    private readonly points: PointsService,
    private readonly redemptions: RedemptionQueueService,
    private readonly meetings: MeetingsService,
  ) {}

  /** The report of the stream a `stream_offline` event ended; null when it ended none. */
  async buildStream(
    workspaceId: string,
    connectionId: string,
    offlineEventId: string,
  ): Promise<ReportRow | null> {
    const span = await this.chatLog.streamEndedBy(offlineEventId);
    if (!span) return null;
    const connection = await this.connections.record(connectionId);
    if (!connection || connection.workspaceId !== workspaceId) return null;
    const { startedAt, endedAt } = span;
    const [stats, ledger, redemptions, samples] = [
      await this.chatLog.streamStats(connectionId, startedAt, endedAt),
      await this.points.ledgerSumsBetween(workspaceId, startedAt, endedAt),
      await this.redemptions.countCreatedBetween(workspaceId, startedAt, endedAt),
      await this.reports.samples(this.tx.none, connectionId, startedAt, endedAt),
    ];
    const { given, spent } = pointsGivenAndSpent(ledger);
    const viewers = viewerStats(samples);
    const platformName = PLATFORM_NAMES[connection.platform];
    const data: Omit<StreamReportDto, 'id' | 'computedAt'> = {
      workspaceId,
      kind: 'stream',
      title:
        connection.accountName && connection.accountName !== platformName
          ? `${platformName} · ${connection.accountName}`
          : platformName,
      connectionId,
      platform: connection.platform,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSeconds: durationSeconds(startedAt, endedAt),
      totals: {
        chatMessages: stats.chatMessages,
        uniqueChatters: stats.uniqueChatters,
        follows: stats.follows,
        subscriptions: stats.subscriptions,
        giftedSubscriptions: stats.giftedSubscriptions,
        bits: stats.bits,
        raids: stats.raids,
        raidViewers: stats.raidViewers,
        donations: stats.donations.length,
        donationAmounts: donationTotals(stats.donations.filter((d) => d !== null)),
        redemptions,
        pointsGiven: given,
        pointsSpent: spent,
      },
      viewers: samples,
      peakViewers: viewers.peak,
      averageViewers: viewers.average,
      viewerSource: {
        sampled: samples.length > 0,
        note: this.viewerNote(connection.platform, samples.length),
      },
      activity: activityBuckets(startedAt, endedAt, stats.messagesPerMinute),
    };
    return this.reports.upsert(this.tx.none, {
      workspaceId,
      kind: 'stream',
      sourceKey: `stream:${offlineEventId}`,
      title: data.title,
      connectionId,
      meetingId: null,
      startedAt,
      endedAt,
      headline: stats.chatMessages,
      data,
    });
  }

  /** The report of a meeting that ran (started and ended); null otherwise. */
  async buildMeeting(workspaceId: string, meetingId: string): Promise<ReportRow | null> {
    const counts = await this.meetings.reportCountsOf(workspaceId, meetingId);
    if (!counts?.startedAt || !counts.endedAt) return null;
    const data: Omit<MeetingReportDto, 'id' | 'computedAt'> = {
      workspaceId,
      kind: 'meeting',
      meetingId,
      title: counts.title,
      startedAt: counts.startedAt.toISOString(),
      endedAt: counts.endedAt.toISOString(),
      durationSeconds: durationSeconds(counts.startedAt, counts.endedAt),
      attendance: { attendees: counts.attendees, participants: counts.participants },
      questions: meetingQuestionStats(counts.attendees, counts.questions),
    };
    return this.reports.upsert(this.tx.none, {
      workspaceId,
      kind: 'meeting',
      sourceKey: `meeting:${meetingId}`,
      title: counts.title,
      connectionId: null,
      meetingId,
      startedAt: counts.startedAt,
      endedAt: counts.endedAt,
      headline: counts.attendees,
      data,
    });
  }

  private viewerNote(platform: Platform, samples: number): string {
    const name = PLATFORM_NAMES[platform];
    if (samples > 0) return `${name}'s viewer count, sampled every minute (${samples} samples)`;
    if (platform === 'rehearsal') return 'Rehearsal has no audience to count';
    if (!this.adapters.find(platform)?.viewerCount) return `${name} gives Podium no viewer count`;
    return `No viewer count was sampled (the stream was shorter than a minute, or ${name} did not answer)`;
  }
}
