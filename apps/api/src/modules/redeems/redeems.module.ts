import { Module } from '@nestjs/common';
import { BotsModule } from '../bots/bots.module';
import { ChatModule } from '../chat/chat.module';
import { KofiModule } from '../integrations/kofi/kofi.module';
import { PointsModule } from '../points/points.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { BasicRewardTypes } from './basic-reward-types';
import { ChatRedeemer } from './chat/chat-redeemer';
import { RedeemCommands } from './chat/redeem-commands';
import { RewardChatStage } from './chat/reward-chat.stage';
import { GoalAnnouncer } from './goals/goal-announcer';
import { GoalTypeHandler } from './goals/goal-type.handler';
import { GoalsRepository } from './goals/goals.repository';
import { GoalsService } from './goals/goals.service';
import { GoalsVotesBroadcaster } from './goals/goals-votes.broadcaster';
import { GoalsVotesController } from './goals/goals-votes.controller';
import { GoalsVotesGateway } from './goals/goals-votes.gateway';
import { RecentRedeemsRepository } from './goals/recent-redeems.repository';
import { TypedRewardsRepository } from './goals/typed-rewards.repository';
import { SpecialDeliveriesRepository } from './special/special-deliveries.repository';
import { SpecialDeliveries } from './special/special-deliveries.service';
import { SpecialTypeHandler } from './special/special-type.handler';
import { VoteTypeHandler } from './votes/vote-type.handler';
import { VotesRepository } from './votes/votes.repository';
import { VotesService } from './votes/votes.service';
import { RedeemBatches } from './redeem-batches';
import { RedeemEligibility } from './redeem-eligibility';
import { RedeemService } from './redeem.service';
import { RedeemWriter } from './redeem-writer';
import { RedeemsBroadcaster } from './redeems.broadcaster';
import { RedeemsController } from './redeems.controller';
import { RedeemsGateway } from './redeems.gateway';
import { RedemptionQueueService } from './redemption-queue.service';
import { RedeemContextRepository } from './redeem-context.repository';
import { RedemptionsRepository } from './redemptions.repository';
import { RewardClaimsRepository } from './reward-claims.repository';
import { RewardTypeHandlers } from './reward-type-handlers';
import { RewardsController } from './rewards.controller';
import { RewardsRepository } from './rewards.repository';
import { RewardsService } from './rewards.service';
import { RewardObsActions } from './reward-obs-actions';

/**
 * Rewards and redeeming: the catalogue with categories, one redeem path for REST, chat and the
 * viewer panel, the live queue, and the reward type handlers (list/note/counter here; goal, vote and
 * special register from their folders).
 */
@Module({
  imports: [ChatModule, WorkspacesModule, BotsModule, PointsModule, KofiModule],
  controllers: [RewardsController, RedeemsController, GoalsVotesController],
  providers: [
    RewardTypeHandlers,
    BasicRewardTypes,
    RewardsRepository,
    RewardsService,
    RedemptionsRepository,
    RewardClaimsRepository,
    RedeemBatches,
    RedeemWriter,
    RedeemContextRepository,
    RedeemEligibility,
    RedeemService,
    RedemptionQueueService,
    RedeemsGateway,
    RedeemsBroadcaster,
    RewardObsActions,
    ChatRedeemer,
    RewardChatStage,
    RedeemCommands,
    // goals, votes, special (goals-votes)
    TypedRewardsRepository,
    GoalsRepository,
    GoalTypeHandler,
    GoalsService,
    GoalAnnouncer,
    RecentRedeemsRepository,
    VotesRepository,
    VoteTypeHandler,
    VotesService,
    SpecialDeliveriesRepository,
    SpecialTypeHandler,
    SpecialDeliveries,
    GoalsVotesGateway,
    GoalsVotesBroadcaster,
  ],
  exports: [
    RewardTypeHandlers,
    RewardsService,
    RedeemService,
    RedemptionQueueService,
    GoalsService,
    VotesService,
    SpecialDeliveries,
  ],
})
export class RedeemsModule {}
