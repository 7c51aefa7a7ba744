import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type GoalProgressDto,
  ResetGoalRequestSchema,
  type SpecialDeliveryDto,
  type VoteTallyDto,
} from '@podium/contracts';
import { z } from 'zod';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
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
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<GoalProgressDto[]> {
    return this.goals.list(actor, workspaceId);
  }

  /** Plain: only a completed goal (409 otherwise); `{ hard: true }`: any time. Never refunds. */
  @RequireRole('moderator')
  @Post('goals/:rewardId/reset')
  @HttpCode(200)
  resetGoal(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
    @Body({ schema: ResetGoalRequestSchema }) body: z.output<typeof ResetGoalRequestSchema>,
  ): Promise<GoalProgressDto> {
    return this.goals.resetById(actor, workspaceId, rewardId, body);
  }

  @RequireRole('viewer')
  @Get('votes')
  listVotes(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<VoteTallyDto[]> {
    return this.votes.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post('votes/:rewardId/close')
  @HttpCode(200)
  closeVote(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<VoteTallyDto> {
    return this.votes.close(actor, workspaceId, rewardId);
  }

  @RequireRole('moderator')
  @Post('votes/:rewardId/open')
  @HttpCode(200)
  openVote(
    @Membership() actor: Member,
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
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<VoteTallyDto> {
    return this.votes.reset(actor, workspaceId, rewardId);
  }

  /** Outcomes of special rewards' webhook POSTs, newest first (moderators). */
  @RequireRole('moderator')
  @Get('special/deliveries')
  deliveries(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: DeliveriesQuerySchema }) query: z.output<typeof DeliveriesQuerySchema>,
  ): Promise<SpecialDeliveryDto[]> {
    return this.specials.list(actor, workspaceId, query.rewardId);
  }
}
