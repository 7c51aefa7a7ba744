import { Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { GoalProgressDto, VoteTallyDto } from '@podium/contracts';
import { z } from 'zod';
import { UuidParam } from '../../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../auth/api-token.guard';
import { IdempotencyInterceptor } from '../auth/idempotency.interceptor';
import { ApiErrorResponse, ApiIdempotent, ApiV1Operation, ApiZodResponse } from '../openapi/zod-openapi';
import { GOAL_EXAMPLE, VOTE_EXAMPLE } from './economy-v1.examples';
import { GoalProgressDtoSchema, VoteTallyDtoSchema } from './economy-v1.schemas';
import { RewardsV1Service } from './rewards-v1.service';

const NO_GOAL = () => ApiErrorResponse(404, 'goals.not_found', 'No such goal');
const NO_VOTE = () => ApiErrorResponse(404, 'votes.not_found', 'No such vote');

/** `/api/v1/workspaces/:workspaceId/goals` and `/votes`: community goals and point votes. */
@ApiTags('v1: goals and votes')
@Controller('v1/workspaces/:workspaceId')
export class GoalsVotesV1Controller {
  constructor(private readonly rewards: RewardsV1Service) {}

  @Get('goals')
  @ApiTokenAuth('rewards:read')
  @ApiV1Operation(
    'List goals',
    "Every goal reward with this round's progress, milestones and contributors (disabled goals too). " +
      'Needs `rewards:read`.',
  )
  @ApiZodResponse(200, z.array(GoalProgressDtoSchema), [GOAL_EXAMPLE])
  goals(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
  ): Promise<GoalProgressDto[]> {
    return this.rewards.listGoals(actor);
  }

  @Get('goals/:rewardId')
  @ApiTokenAuth('rewards:read')
  @NO_GOAL()
  @ApiV1Operation('Get a goal', "One goal reward's progress. Needs `rewards:read`.")
  @ApiZodResponse(200, GoalProgressDtoSchema, GOAL_EXAMPLE)
  goal(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<GoalProgressDto> {
    return this.rewards.goal(actor, rewardId);
  }

  @Get('votes')
  @ApiTokenAuth('rewards:read')
  @ApiV1Operation(
    'List votes',
    "Every vote reward with this round's tally per option, and whether it is closed. Needs `rewards:read`.",
  )
  @ApiZodResponse(200, z.array(VoteTallyDtoSchema), [VOTE_EXAMPLE])
  votes(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
  ): Promise<VoteTallyDto[]> {
    return this.rewards.listVotes(actor);
  }

  @Get('votes/:rewardId')
  @ApiTokenAuth('rewards:read')
  @NO_VOTE()
  @ApiV1Operation('Get a vote', "One vote reward's tally. Needs `rewards:read`.")
  @ApiZodResponse(200, VoteTallyDtoSchema, VOTE_EXAMPLE)
  vote(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<VoteTallyDto> {
    return this.rewards.vote(actor, rewardId);
  }

  @Post('votes/:rewardId/close')
  @HttpCode(200)
  @ApiTokenAuth('rewards:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_VOTE()
  @ApiV1Operation(
    'Close a vote',
    'No more ballots until it is opened again; the tally stays. Closing a closed vote changes nothing. ' +
      'Needs `rewards:write`.',
  )
  @ApiZodResponse(200, VoteTallyDtoSchema, VOTE_EXAMPLE)
  close(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<VoteTallyDto> {
    return this.rewards.setVoteClosed(actor, rewardId, true);
  }

  @Post('votes/:rewardId/open')
  @HttpCode(200)
  @ApiTokenAuth('rewards:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_VOTE()
  @ApiV1Operation(
    'Open a vote',
    'Viewers can vote again; the round and its tally continue. Needs `rewards:write`.',
  )
  @ApiZodResponse(200, VoteTallyDtoSchema, { ...VOTE_EXAMPLE, closedAt: null })
  open(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<VoteTallyDto> {
    return this.rewards.setVoteClosed(actor, rewardId, false);
  }
}
