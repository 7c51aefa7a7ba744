import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ALERT_DEFAULT_DURATION_MS } from '@podium/contracts';
import { completionMessage, milestoneMessage } from '@podium/redeems';
import { TransactionRunner } from '../../../database/transaction';
import { AlertsService } from '../../bots/alerts/alerts.service';
import { OutboxService } from '../../chat/outbox/outbox.service';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { goalConfigOf } from './goal-progress.mapper';
import { type CompletedGoalRow, GoalsRepository, type ReachedMilestoneRow } from './goals.repository';
import { TypedRewardsRepository } from './typed-rewards.repository';

/** Catches announcements a crash between commit and the after-commit call left unsaid. */
export const GOAL_ANNOUNCE_SWEEP_JOB = 'goals.announce-sweep';
const SWEEP_EVERY_MS = 30_000;

/**
 * Says milestones and completions in chat and celebrates them on the alerts overlay, after the
 * redeem committed. Each is claimed by a conditional UPDATE first, so it is said once even when the
 * after-commit call and the sweep (or two replicas) race.
 */
@Injectable()
export class GoalAnnouncer implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(GoalAnnouncer.name);

  constructor(
    private readonly goals: GoalsRepository,
    private readonly rewards: TypedRewardsRepository,
    private readonly outbox: OutboxService,
    private readonly alerts: AlertsService,
    private readonly scheduler: JobScheduler,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(GOAL_ANNOUNCE_SWEEP_JOB, () => this.announce(null));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(GOAL_ANNOUNCE_SWEEP_JOB, GOAL_ANNOUNCE_SWEEP_JOB, SWEEP_EVERY_MS);
  }

  /** Announces what one goal (or, with null, every goal) reached and nobody said yet. */
  async announce(rewardId: string | null): Promise<void> {
    const claimed = await this.tx.run(async (tx) => ({
      milestones: await this.goals.claimMilestoneAnnouncements(tx, rewardId),
      completions: await this.goals.claimCompletionAnnouncements(tx, rewardId),
    }));
    for (const milestone of claimed.milestones) await this.sayMilestone(milestone);
    for (const completion of claimed.completions) await this.sayCompletion(completion);
  }

  private async sayMilestone(row: ReachedMilestoneRow): Promise<void> {
    const reward = await this.rewards.find(this.tx.none, row.workspace_id, row.reward_id);
    if (!reward) return;
    const target = goalConfigOf(reward)?.target ?? Number(row.at);
    const text = milestoneMessage(reward.name, { at: Number(row.at), label: row.label }, target);
    await this.say(row.workspace_id, text, { rewardId: row.reward_id, at: row.at });
  }

  private async sayCompletion(row: CompletedGoalRow): Promise<void> {
    const reward = await this.rewards.find(this.tx.none, row.workspace_id, row.reward_id);
    if (!reward) return;
    const contributors = await this.goals.contributorsOf(this.tx.none, row.reward_id, row.round);
    const text = completionMessage(reward.name, Number(row.progress), contributors);
    await this.say(row.workspace_id, text, { rewardId: row.reward_id, round: row.round });
  }

  /** Chat and overlay are independent: one failing does not keep the other from happening. */
  private async say(workspaceId: string, text: string, context: Record<string, unknown>): Promise<void> {
    const results = await Promise.allSettled([
      this.outbox.enqueue(workspaceId, text),
      this.alerts.enqueue(workspaceId, {
        kind: 'goal',
        text,
        mediaId: null,
        soundMediaId: null,
        durationMs: ALERT_DEFAULT_DURATION_MS,
      }),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') {
        this.logger.error({ err: result.reason, workspaceId, ...context }, 'goal announcement failed');
      }
    }
  }
}
