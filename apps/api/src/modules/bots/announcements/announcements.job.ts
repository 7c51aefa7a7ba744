import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { announcementPeriodStart, announcementVerdict, rotateAnnouncement } from '@podium/bots';
import { AppConfig } from '../../../config/app-config';
import { TransactionRunner } from '../../../database/transaction';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { ChatLogService } from '../../chat/events/chat-log.service';
import { OutboxService } from '../../chat/outbox/outbox.service';
import { BotSilence } from '../bot-silence';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { type AnnouncementRow, AnnouncementsRepository } from './announcements.repository';

export const ANNOUNCEMENTS_JOB = 'bots.announcements';
/** Due announcements handled per tick; the rest wait for the next one. */
const BATCH = 100;

/**
 * Posts due announcements. One scheduled job for all workspaces; each post is claimed by a
 * conditional update first, so with several replicas (or an overlapping tick) a period posts once.
 */
@Injectable()
export class AnnouncementsJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(AnnouncementsJob.name);

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly repository: AnnouncementsRepository,
    private readonly chatLog: ChatLogService,
    private readonly connections: ConnectionsService,
    private readonly outbox: OutboxService,
    private readonly silence: BotSilence,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(ANNOUNCEMENTS_JOB, async () => {
      await this.tick();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(ANNOUNCEMENTS_JOB, ANNOUNCEMENTS_JOB, this.config.bots.announcementTickMs);
  }

  /** One pass over the due announcements; returns how many were posted. */
  async tick(): Promise<number> {
    const minuteMs = this.config.bots.announcementMinuteMs;
    let posted = 0;
    for (const row of await this.repository.due(this.tx.none, minuteMs, BATCH)) {
      try {
        if (await this.post(row, minuteMs)) posted += 1;
      } catch (error) {
        // One workspace's trouble must not hold up the others; it is due again next tick.
        this.logger.error(
          { err: error, announcementId: row.id, workspaceId: row.workspace_id },
          'announcement failed',
        );
      }
    }
    return posted;
  }

  private async post(row: AnnouncementRow, minuteMs: number): Promise<boolean> {
    const workspaceId = row.workspace_id;
    const existing = (await this.connections.forWorkspace(workspaceId)).filter(
      (c) => c.status !== 'disconnected',
    );
    const chosen = row.connection_ids.length > 0 ? new Set(row.connection_ids) : null;
    const targets = existing.filter((connection) => !chosen || chosen.has(connection.id)).map((c) => c.id);
    if (targets.length === 0) return false;

    const live = new Set(await this.chatLog.liveConnectionIds(workspaceId));
    const liveTargets = targets.filter((id) => live.has(id));
    const since = announcementPeriodStart({
      intervalMinutes: row.interval_minutes,
      lastPostedAt: row.last_posted_at,
      createdAt: row.created_at,
    });
    const verdict = announcementVerdict({
      liveOnly: row.live_only,
      minChatMessages: row.min_chat_messages,
      anyLive: liveTargets.length > 0,
      chatMessagesSince:
        row.min_chat_messages > 0 ? await this.chatLog.messagesSince(workspaceId, since, targets) : 0,
    });
    if (!verdict.post) {
      this.logger.debug({ announcementId: row.id, reason: verdict.reason }, 'announcement skipped');
      return false;
    }

    // A quiet bot posts nothing and claims nothing: the announcement stays due for when it may speak.
    if (await this.silence.isSilent(workspaceId)) {
      this.logger.debug({ announcementId: row.id, reason: 'silent' }, 'announcement skipped');
      return false;
    }
    const turn = rotateAnnouncement(row.messages, row.next_message_index);
    const claimed = await this.repository.claim(this.tx.none, row.id, minuteMs, turn.nextIndex);
    if (!claimed) return false; // another replica (or tick) posted this period
    // A live-only announcement speaks where the stream is live, not on an idle channel.
    await this.outbox.enqueue(workspaceId, turn.text, {
      connectionIds: row.live_only ? liveTargets : targets,
    });
    this.logger.debug({ announcementId: row.id, workspaceId }, 'announcement posted');
    return true;
  }
}
