import { Controller, Get, HttpCode, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type RedemptionDto,
  type RedemptionPageDto,
  RedemptionQueueQuerySchema,
  type RewardDto,
  type RewardListDto,
} from '@podium/contracts';
import type { z } from 'zod';
import { UuidParam } from '../../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../auth/api-token.guard';
import { IdempotencyInterceptor } from '../auth/idempotency.interceptor';
import {
  ApiErrorResponse,
  ApiIdempotent,
  ApiV1Operation,
  ApiZodQuery,
  ApiZodResponse,
} from '../openapi/zod-openapi';
import { REDEMPTION_EXAMPLE, REWARD_EXAMPLE } from './economy-v1.examples';
import {
  RedemptionDtoSchema,
  RedemptionPageDtoSchema,
  RewardDtoSchema,
  RewardListDtoSchema,
} from './economy-v1.schemas';
import { RewardsV1Service } from './rewards-v1.service';

const NO_REWARD = () => ApiErrorResponse(404, 'redeems.reward_not_found', 'No such reward in this workspace');
const NO_REDEMPTION = () =>
  ApiErrorResponse(404, 'redeems.redemption_not_found', 'No such redemption in this workspace');
const DECIDED = () =>
  ApiErrorResponse(409, 'redeems.already_decided', 'This redemption is already fulfilled');

/** `/api/v1/workspaces/:workspaceId/rewards` and `/redemptions`: the catalogue and the queue. */
@ApiTags('v1: rewards and queue')
@Controller('v1/workspaces/:workspaceId')
export class RewardsV1Controller {
  constructor(private readonly rewards: RewardsV1Service) {}

  @Get('rewards')
  @ApiTokenAuth('rewards:read')
  @ApiV1Operation(
    'List rewards',
    'Every reward (by name) with its price, limits and whether it can be redeemed now (`active`), and the ' +
      'categories. Needs `rewards:read`.',
  )
  @ApiZodResponse(200, RewardListDtoSchema, { rewards: [REWARD_EXAMPLE], categories: [] })
  list(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
  ): Promise<RewardListDto> {
    return this.rewards.listRewards(actor);
  }

  @Get('rewards/:rewardId')
  @ApiTokenAuth('rewards:read')
  @NO_REWARD()
  @ApiV1Operation('Get a reward', 'One reward. Needs `rewards:read`.')
  @ApiZodResponse(200, RewardDtoSchema, REWARD_EXAMPLE)
  get(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<RewardDto> {
    return this.rewards.reward(actor, rewardId);
  }

  @Post('rewards/:rewardId/enable')
  @HttpCode(200)
  @ApiTokenAuth('rewards:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_REWARD()
  @ApiV1Operation(
    'Enable a reward',
    'Viewers can redeem it again (while one of its categories is active, if it has any). Enabling an ' +
      'enabled reward changes nothing. Needs `rewards:write`.',
  )
  @ApiZodResponse(200, RewardDtoSchema, REWARD_EXAMPLE)
  enable(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<RewardDto> {
    return this.rewards.setRewardEnabled(actor, rewardId, true);
  }

  @Post('rewards/:rewardId/disable')
  @HttpCode(200)
  @ApiTokenAuth('rewards:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_REWARD()
  @ApiV1Operation(
    'Disable a reward',
    'No more redeems until enabled again; pending redemptions stay in the queue. Needs `rewards:write`.',
  )
  @ApiZodResponse(200, RewardDtoSchema, { ...REWARD_EXAMPLE, enabled: false, active: false })
  disable(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<RewardDto> {
    return this.rewards.setRewardEnabled(actor, rewardId, false);
  }

  @Get('redemptions')
  @ApiTokenAuth('queue:read')
  @ApiV1Operation(
    'The redemption queue',
    'Pending redemptions oldest first (the order to work through); with `status` (`fulfilled`, ' +
      '`refunded`, `rejected`, `all`) newest first. Page with `before` = the previous `nextCursor`. ' +
      'Needs `queue:read`.',
  )
  @ApiZodQuery(RedemptionQueueQuerySchema)
  @ApiZodResponse(200, RedemptionPageDtoSchema, {
    redemptions: [{ ...REDEMPTION_EXAMPLE, status: 'pending', decidedAt: null }],
    nextCursor: null,
  })
  queue(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @Query({ schema: RedemptionQueueQuerySchema }) query: z.output<typeof RedemptionQueueQuerySchema>,
  ): Promise<RedemptionPageDto> {
    return this.rewards.listQueue(actor, query);
  }

  @Get('redemptions/:redemptionId')
  @ApiTokenAuth('queue:read')
  @NO_REDEMPTION()
  @ApiV1Operation('Get a redemption', 'One redemption, pending or decided. Needs `queue:read`.')
  @ApiZodResponse(200, RedemptionDtoSchema, REDEMPTION_EXAMPLE)
  redemption(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('redemptionId') redemptionId: string,
  ): Promise<RedemptionDto> {
    return this.rewards.redemption(actor, redemptionId);
  }

  @Post('redemptions/:redemptionId/fulfil')
  @HttpCode(200)
  @ApiTokenAuth('queue:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @DECIDED()
  @NO_REDEMPTION()
  @ApiV1Operation(
    'Fulfil a redemption',
    'Done: it leaves the queue, the points stay spent. Only a pending redemption can be decided: a second ' +
      'decision is a 409 (a retry with the same `Idempotency-Key` answers the first 200). Needs `queue:write`.',
  )
  @ApiZodResponse(200, RedemptionDtoSchema, { ...REDEMPTION_EXAMPLE, status: 'fulfilled' })
  fulfil(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('redemptionId') redemptionId: string,
  ): Promise<RedemptionDto> {
    return this.rewards.decide(actor, redemptionId, 'fulfil');
  }

  @Post('redemptions/:redemptionId/refund')
  @HttpCode(200)
  @ApiTokenAuth('queue:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @DECIDED()
  @NO_REDEMPTION()
  @ApiV1Operation(
    'Refund a redemption',
    'It leaves the queue and the points go back to the viewer through the ledger, exactly once: a second ' +
      'refund (or any second decision) is a 409. Needs `queue:write`.',
  )
  @ApiZodResponse(200, RedemptionDtoSchema, REDEMPTION_EXAMPLE)
  refund(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('redemptionId') redemptionId: string,
  ): Promise<RedemptionDto> {
    return this.rewards.decide(actor, redemptionId, 'refund');
  }

  @Post('redemptions/:redemptionId/reject')
  @HttpCode(200)
  @ApiTokenAuth('queue:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @DECIDED()
  @NO_REDEMPTION()
  @ApiV1Operation(
    'Reject a redemption',
    'It leaves the queue and the points stay spent (use refund to give them back). A second decision is ' +
      'a 409. Needs `queue:write`.',
  )
  @ApiZodResponse(200, RedemptionDtoSchema, { ...REDEMPTION_EXAMPLE, status: 'rejected' })
  reject(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('redemptionId') redemptionId: string,
  ): Promise<RedemptionDto> {
    return this.rewards.decide(actor, redemptionId, 'reject');
  }
}
