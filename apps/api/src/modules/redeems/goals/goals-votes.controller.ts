import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type GoalProgressDto,
  ResetGoalRequestSchema,
  type SpecialDeliveryDto,
  type VoteTallyDto,
} from '@podium/contracts';
import { z } from 'zod';
import { CurrentActor } from '../../../common/http/current-actor.decorator';
import { UuidParam } from '../../../common/http/params';
import type { Actor } from '../../auth/auth.service';
import { RequireRole } from '../../auth/workspace-role.guard';
import { SpecialDeliveries } from '../special/special-deliveries.service';
import { VotesService } from '../votes/votes.service';
import { GoalsService } from './goals.service';

const DeliveriesQuerySchema = z.object({ rewardId: z.uuid().optional() });

/** Goals (progress, resets), votes (tally, close, reopen, reset) and special deliveries. */
@ApiTags('redeems')
@Controller('workspaces/:workspaceId')
export class GoalsVotesController {
  constructor(
    private readonly goals: GoalsService,
    private readonly votes: VotesService,
    private readonly specials: SpecialDeliveries,
  ) {}

  @RequireRole('viewer')
  @Get('goals')
  listGoals(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<GoalProgressDto[]> {
    return this.goals.list(actor, workspaceId);
  }

  /** Plain: only a completed goal (409 otherwise); `{ hard: true }`: any time. Never refunds. */
  @RequireRole('moderator')
  @Post('goals/:rewardId/reset')
  @HttpCode(200)
  resetGoal(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
    @Body({ schema: ResetGoalRequestSchema }) body: z.output<typeof ResetGoalRequestSchema>,
  ): Promise<GoalProgressDto> {
    return this.goals.resetById(actor, workspaceId, rewardId, body);
  }

  @RequireRole('viewer')
  @Get('votes')
  listVotes(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<VoteTallyDto[]> {
    return this.votes.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post('votes/:rewardId/close')
  @HttpCode(200)
  closeVote(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<VoteTallyDto> {
    return this.votes.close(actor, workspaceId, rewardId);
  }

  @RequireRole('moderator')
  @Post('votes/:rewardId/open')
  @HttpCode(200)
  openVote(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<VoteTallyDto> {
    return this.votes.reopen(actor, workspaceId, rewardId);
  }

  /** A new round from zero, open. Points spent on earlier rounds are not refunded. */
  @RequireRole('moderator')
  @Post('votes/:rewardId/reset')
  @HttpCode(200)
  resetVote(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<VoteTallyDto> {
    return this.votes.reset(actor, workspaceId, rewardId);
  }

  /** Outcomes of special rewards' webhook POSTs, newest first (moderators). */
  @RequireRole('moderator')
  @Get('special/deliveries')
  deliveries(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: DeliveriesQuerySchema }) query: z.output<typeof DeliveriesQuerySchema>,
  ): Promise<SpecialDeliveryDto[]> {
    return this.specials.list(actor, workspaceId, query.rewardId);
  }
}
