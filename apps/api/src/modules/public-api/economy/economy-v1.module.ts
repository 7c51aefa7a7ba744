import { Module } from '@nestjs/common';
import { BotsModule } from '../../bots/bots.module';
import { ChatModule } from '../../chat/chat.module';
import { PointsModule } from '../../points/points.module';
import { RedeemsModule } from '../../redeems/redeems.module';
import { ChatBotsV1Service } from './chat-bots-v1.service';
import { PointsV1Service } from './points-v1.service';
import { RewardsV1Service } from './rewards-v1.service';

/**
 * The economy v1 facades (viewers and points, rewards and queue, goals and votes, chat and bots).
 * Their controllers are declared in PublicApiModule, next to the token guard they use.
 */
@Module({
  imports: [PointsModule, RedeemsModule, BotsModule, ChatModule],
  providers: [PointsV1Service, RewardsV1Service, ChatBotsV1Service],
  exports: [PointsV1Service, RewardsV1Service, ChatBotsV1Service],
})
export class EconomyV1Module {}
