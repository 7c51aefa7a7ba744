import { Injectable, type OnModuleInit } from '@nestjs/common';
import { VoteConfigSchema } from '@podium/contracts';
import { resolveVoteOption, voteRefusalMessage, votesBought } from '@podium/redeems';
import type { Tx } from '../../../database/transaction';
import { TypedRewardsRepository } from '../goals/typed-rewards.repository';
import { RedeemsErrorCode, RedeemsException } from '../redeems.exception';
import {
  type RedeemContext,
  type RedeemOutcome,
  type RewardTypeHandler,
  RewardTypeHandlers,
} from '../reward-type-handlers';
import { VotesRepository } from './votes.repository';

/**
 * A vote redeem buys `spent / pricePerVote` votes for one option: a ballot row in the redeem's
 * transaction (inserts never contend), tallied by aggregate on the push tick.
 */
@Injectable()
export class VoteTypeHandler implements RewardTypeHandler, OnModuleInit {
  readonly type = 'vote' as const;

  constructor(
    private readonly handlers: RewardTypeHandlers,
    private readonly rewards: TypedRewardsRepository,
    private readonly votes: VotesRepository,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async onRedeem(tx: Tx, redeem: RedeemContext): Promise<RedeemOutcome> {
    const reward = await this.rewards.find(tx, redeem.workspaceId, redeem.rewardId);
    const parsed = VoteConfigSchema.safeParse(reward?.config['vote']);
    if (!reward || !parsed.success) {
      throw new RedeemsException(RedeemsErrorCode.Refused, 'This vote is not set up');
    }
    const config = parsed.data;
    const refuse = (reason: 'closed' | 'unknown_option' | 'not_multiple', field?: string): never => {
      throw new RedeemsException(
        RedeemsErrorCode.Refused,
        voteRefusalMessage(reason, reward.name, config.options, config.pricePerVote),
        field ? { field } : undefined,
      );
    };
    const option = resolveVoteOption(config.options, redeem.optionId, redeem.note);
    if (!option) return refuse('unknown_option', 'optionId');
    const bought = votesBought(redeem.spent, config.pricePerVote);
    if (!bought.ok) return refuse('not_multiple', 'amount');
    await this.votes.ensure(tx, redeem.workspaceId, redeem.rewardId);
    const round = await this.votes.lockForBallot(tx, redeem.rewardId);
    if (!round || round.closed_at !== null) return refuse('closed');
    await this.votes.insertBallot(tx, {
      workspaceId: redeem.workspaceId,
      rewardId: redeem.rewardId,
      round: round.round,
      redemptionId: redeem.redemptionId,
      viewerId: redeem.viewerId,
      optionId: option.id,
      votes: bought.votes,
      points: redeem.spent,
    });
    return { queue: false, autoFulfil: true };
  }
}
