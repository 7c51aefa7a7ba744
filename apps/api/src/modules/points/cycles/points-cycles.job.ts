import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { cycleStart, cycleVerdict, presenceSince } from '@podium/points';
import { AppConfig } from '../../../config/app-config';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { ChatLogService } from '../../chat/events/chat-log.service';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { PointsLedger } from '../points-ledger';
import { PointsRepository } from '../points.repository';
import { PointsSettingsService } from '../points-settings.service';
import { StreaksService } from '../streaks/streaks.service';
import { PlatformPresence } from './platform-presence';
import { type CyclePresence, PointsCyclesRepository } from './points-cycles.repository';

export const POINTS_CYCLES_JOB = 'points.cycles';
/** Above this many payees a cycle publishes one `points.cyclePaid`, not a `points.changed` each. */
const PER_VIEWER_EVENTS_MAX = 200;

export type CycleOutcome =
  | { kind: 'paid'; cycleStart: Date; viewers: number }
  | { kind: 'already_paid' }
  | { kind: 'skipped'; reason: string };

/**
 * Pays watch points. Every tick looks at each workspace's current cycle (workspace, cycle start):
 * platforms' viewer lists are gathered first, then ONE transaction claims the cycle's key and pays
 * every present viewer with one set-based statement that reads the chat itself (no id list travels
 * through the api). A replica that loses the claim stops; a replica killed mid-way rolls back both,
 * so the next tick pays the cycle once.
 */
@Injectable()
export class PointsCyclesJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PointsCyclesJob.name);

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly repository: PointsRepository,
    private readonly cycles: PointsCyclesRepository,
    private readonly settings: PointsSettingsService,
    private readonly chatLog: ChatLogService,
    private readonly presence: PlatformPresence,
    private readonly ledger: PointsLedger,
    private readonly events: DomainEvents,
    private readonly streaks: StreaksService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(POINTS_CYCLES_JOB, async () => {
      await this.tick();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(POINTS_CYCLES_JOB, POINTS_CYCLES_JOB, this.config.points.cycleTickMs);
  }

  /** One pass over every workspace; returns what happened to each (by workspace id). */
  async tick(now: Date = new Date()): Promise<Map<string, CycleOutcome>> {
    const outcomes = new Map<string, CycleOutcome>();
    for (const { workspaceId, settings } of await this.repository.workspacesWithSettings(this.tx.none)) {
      try {
        outcomes.set(workspaceId, await this.runCycle(workspaceId, now, settings));
      } catch (error) {
        // One workspace's trouble must not hold up the others; its cycle is still unpaid next tick.
        this.logger.error({ err: error, workspaceId }, 'points cycle failed');
        outcomes.set(workspaceId, { kind: 'skipped', reason: 'failed' });
      }
    }
    return outcomes;
  }

  /** The cycle of `workspaceId` that contains `now`, paid unless it already was or nothing qualifies. */
  async runCycle(
    workspaceId: string,
    now: Date,
    stored?: Record<string, unknown> | null,
  ): Promise<CycleOutcome> {
    const settings =
      stored === undefined ? await this.settings.get(workspaceId) : this.settings.parse(workspaceId, stored);
    if (!settings.cyclesEnabled || settings.pointsPerCycle <= 0) {
      return { kind: 'skipped', reason: settings.cyclesEnabled ? 'zero_points' : 'disabled' };
    }
    const start = cycleStart(now.getTime(), settings.cycleMinutes, this.config.points.cycleMinuteMs);
    if (await this.cycles.cyclePaid(this.tx.none, workspaceId, start)) return { kind: 'already_paid' };

    const live = settings.onlyWhileLive ? await this.chatLog.liveConnectionIds(workspaceId) : null;
    if (live !== null && live.length === 0) return { kind: 'skipped', reason: 'not_live' };
    const presence: CyclePresence = {
      since: presenceSince(now.getTime(), settings.presenceWindowMinutes),
      connectionIds: live,
      listedViewerIds:
        settings.presenceMode === 'listed' ? await this.presence.listedViewerIds(workspaceId, live) : [],
    };
    // Presence is counted inside the payout; the verdict needs only whether anyone is there.
    const someone =
      presence.listedViewerIds.length > 0 ||
      (await this.cycles.anyoneChatted(this.tx.none, workspaceId, presence));
    const verdict = cycleVerdict(settings, {
      liveConnections: live?.length ?? 1,
      presentViewers: someone ? 1 : 0,
    });
    if (!verdict.pay) return { kind: 'skipped', reason: verdict.reason };

    const paid = await this.tx.run(async (tx) => {
      const seq = await this.cycles.claimCycle(tx, workspaceId, start);
      if (seq === null) return null;
      return this.cycles.payCycle(
        tx,
        { workspaceId, seq, points: settings.pointsPerCycle },
        presence,
        PER_VIEWER_EVENTS_MAX,
      );
    });
    if (paid === null) return { kind: 'already_paid' };

    if (paid.payees) {
      this.ledger.publish(
        paid.payees.map((p) => ({ workspaceId, viewerId: p.viewerId, balance: p.balance })),
      );
    }
    this.events.publish('points.cyclePaid', {
      workspaceId,
      cycleStart: start.toISOString(),
      viewers: paid.count,
      points: settings.pointsPerCycle,
    });
    this.logger.debug({ workspaceId, cycleStart: start, viewers: paid.count }, 'points cycle paid');
    await this.attendListed(workspaceId, paid.listedOnly);
    return { kind: 'paid', cycleStart: start, viewers: paid.count };
  }

  /**
   * Viewers paid for being listed by a platform attend the running stream for their streak too;
   * chatters already did through their own events. After the cycle's commit: a streak failure is
   * logged and never unpays (or re-pays) the cycle.
   */
  private async attendListed(workspaceId: string, listedOnly: readonly string[]): Promise<void> {
    if (listedOnly.length === 0) return;
    try {
      await this.streaks.attend(workspaceId, listedOnly);
    } catch (error) {
      this.logger.error({ err: error, workspaceId }, 'streak attendance of listed viewers failed');
    }
  }
}
