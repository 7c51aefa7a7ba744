import { Injectable } from '@nestjs/common';
import type {
  GoalProgressDto,
  RedemptionDto,
  RedemptionPageDto,
  RedemptionQueueQuerySchema,
  RewardDto,
  RewardListDto,
  VoteTallyDto,
} from '@podium/contracts';
import type { QueueDecision } from '@podium/redeems';
import type { z } from 'zod';
import { TransactionRunner } from '../../../database/transaction';
import { GoalsService } from '../../redeems/goals/goals.service';
import { GoalsVotesErrorCode, GoalsVotesException } from '../../redeems/goals/goals-votes.exception';
import { RedemptionQueueService } from '../../redeems/redemption-queue.service';
import { RewardsService } from '../../redeems/rewards.service';
import { VotesService } from '../../redeems/votes/votes.service';
import type { ApiActor } from '../auth/api-token.guard';

/**
 * Rewards, the redemption queue, goals and votes for the public API. The guard has checked the
 * token's workspace and scope; this calls the redeems services' unchecked variants. Decisions are
 * recorded without an organizer (`decidedBy` null), as the CLI's are.
 */
@Injectable()
export class RewardsV1Service {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rewards: RewardsService,
    private readonly queue: RedemptionQueueService,
    private readonly goals: GoalsService,
    private readonly votes: VotesService,
  ) {}

  listRewards(actor: ApiActor): Promise<RewardListDto> {
    return this.rewards.listOf(actor.workspaceId);
  }

  reward(actor: ApiActor, rewardId: string): Promise<RewardDto> {
    return this.rewards.getOf(actor.workspaceId, rewardId);
  }

  setRewardEnabled(actor: ApiActor, rewardId: string, enabled: boolean): Promise<RewardDto> {
    return this.rewards.updateOf(actor.workspaceId, rewardId, { enabled });
  }

  listQueue(actor: ApiActor, query: z.output<typeof RedemptionQueueQuerySchema>): Promise<RedemptionPageDto> {
    return this.queue.listOf(actor.workspaceId, query);
  }

  redemption(actor: ApiActor, redemptionId: string): Promise<RedemptionDto> {
    return this.queue.getOf(actor.workspaceId, redemptionId);
  }

  /** Once: a second decision on the same redemption is 409 (a refund credits the ledger once). */
  decide(actor: ApiActor, redemptionId: string, decision: QueueDecision): Promise<RedemptionDto> {
    return this.queue.decideAs(actor.workspaceId, redemptionId, decision, null);
  }

  listGoals(actor: ApiActor): Promise<GoalProgressDto[]> {
    return this.goals.progressOf(this.tx.none, actor.workspaceId);
  }

  async goal(actor: ApiActor, rewardId: string): Promise<GoalProgressDto> {
    const goal = await this.goals.one(this.tx.none, actor.workspaceId, rewardId);
    if (!goal) throw new GoalsVotesException(GoalsVotesErrorCode.GoalNotFound, 'No such goal');
    return goal;
  }

  listVotes(actor: ApiActor): Promise<VoteTallyDto[]> {
    return this.votes.talliesOf(this.tx.none, actor.workspaceId);
  }

  async vote(actor: ApiActor, rewardId: string): Promise<VoteTallyDto> {
    const vote = await this.votes.one(this.tx.none, actor.workspaceId, rewardId);
    if (!vote) throw new GoalsVotesException(GoalsVotesErrorCode.VoteNotFound, 'No such vote');
    return vote;
  }

  setVoteClosed(actor: ApiActor, rewardId: string, closed: boolean): Promise<VoteTallyDto> {
    return this.votes.setClosedAs(actor.workspaceId, rewardId, closed);
  }
}
