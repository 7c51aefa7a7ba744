import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ApiRateLimits } from './auth/api-rate-limits';
import { ApiTokenGuard } from './auth/api-token.guard';
import { ApiTokensController } from './auth/api-tokens.controller';
import { ApiTokensRepository } from './auth/api-tokens.repository';
import { ApiTokensService } from './auth/api-tokens.service';
import { ApiV1TokensController } from './auth/api-v1-tokens.controller';
import { IdempotencyInterceptor } from './auth/idempotency.interceptor';
import { IdempotencyRepository } from './auth/idempotency.repository';
import { PurgeIdempotencyKeysJob } from './auth/purge-idempotency-keys.job';
import { ChatBotsV1Controller } from './economy/chat-bots-v1.controller';
import { EconomyV1Module } from './economy/economy-v1.module';
import { GoalsVotesV1Controller } from './economy/goals-votes-v1.controller';
import { RewardsV1Controller } from './economy/rewards-v1.controller';
import { ViewersV1Controller } from './economy/viewers-v1.controller';
import { LiveV1Controller } from './meetings/live-v1.controller';
import { MeetingsV1Controller } from './meetings/meetings-v1.controller';
import { MeetingsV1Module } from './meetings/meetings-v1.module';
import { QuestionsV1Controller } from './meetings/questions-v1.controller';

/**
 * The public API (v1) and its tokens. v1 controllers of other areas go in this module's arrays
 * (or in a module that imports it): they use ApiTokenGuard and IdempotencyInterceptor from here.
 */
@Module({
  imports: [WorkspacesModule, EconomyV1Module, MeetingsV1Module],
  controllers: [
    ApiTokensController,
    ApiV1TokensController,
    // economy v1
    ViewersV1Controller,
    RewardsV1Controller,
    GoalsVotesV1Controller,
    ChatBotsV1Controller,
    // meetings v1
    MeetingsV1Controller,
    QuestionsV1Controller,
    LiveV1Controller,
  ],
  providers: [
    ApiTokensService,
    ApiTokensRepository,
    ApiRateLimits,
    ApiTokenGuard,
    IdempotencyRepository,
    IdempotencyInterceptor,
    PurgeIdempotencyKeysJob,
  ],
  exports: [ApiTokensService, ApiRateLimits, ApiTokenGuard, IdempotencyRepository, IdempotencyInterceptor],
})
export class PublicApiModule {}
