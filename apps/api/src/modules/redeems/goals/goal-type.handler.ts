import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  contributionRefusalMessage,
  judgeContribution,
  milestonesCrossed,
  sortedMilestones,
} from '@podium/redeems';
import type { Tx } from '../../../database/transaction';
import { RedeemsErrorCode, RedeemsException } from '../redeems.exception';
import {
  type RedeemContext,
  type RedeemOutcome,
  type RewardTypeHandler,
  RewardTypeHandlers,
} from '../reward-type-handlers';
import { goalConfigOf } from './goal-progress.mapper';
import { GoalsRepository } from './goals.repository';
import { TypedRewardsRepository } from './typed-rewards.repository';

/**
 * A goal redeem is a contribution of `spent` points: added in the redeem's transaction by one
 * conditional UPDATE, refused (never capped) past the target, milestones recorded once per round.
 * Announcing them happens after the commit (GoalAnnouncer), never here.
 */
@Injectable()
export class GoalTypeHandler implements RewardTypeHandler, OnModuleInit {
  readonly type = 'goal' as const;

  constructor(
    private readonly handlers: RewardTypeHandlers,
    private readonly rewards: TypedRewardsRepository,
    private readonly goals: GoalsRepository,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async onRedeem(tx: Tx, redeem: RedeemContext): Promise<RedeemOutcome> {
    const reward = await this.rewards.find(tx, redeem.workspaceId, redeem.rewardId);
    const config = reward ? goalConfigOf(reward) : null;
    if (!reward || !config) {
      throw new RedeemsException(RedeemsErrorCode.Refused, 'This goal is not set up');
    }
    await this.goals.ensure(tx, redeem.workspaceId, redeem.rewardId);
    const moved = await this.goals.contribute(tx, redeem.rewardId, redeem.spent, config.target);
    if (!moved) {
      const row = await this.goals.current(tx, redeem.rewardId);
      const verdict = judgeContribution(
        { target: config.target, progress: Number(row?.progress ?? 0), completed: row?.completed_at != null },
        redeem.spent,
      );
      const message = verdict.ok
        ? `The goal ${reward.name} cannot take this now.`
        : contributionRefusalMessage(verdict, reward.name);
      throw new RedeemsException(RedeemsErrorCode.Refused, message, { field: 'amount' });
    }
    await this.goals.insertContribution(tx, {
      workspaceId: redeem.workspaceId,
      rewardId: redeem.rewardId,
      round: moved.round,
      redemptionId: redeem.redemptionId,
      viewerId: redeem.viewerId,
      amount: redeem.spent,
    });
    const crossed = milestonesCrossed(sortedMilestones(config), moved.before, moved.after);
    await this.goals.reachMilestones(tx, redeem.workspaceId, redeem.rewardId, moved.round, crossed);
    // Nothing for the streamer to do: the contribution is done when it counts.
    return { queue: false, autoFulfil: true };
  }
}
