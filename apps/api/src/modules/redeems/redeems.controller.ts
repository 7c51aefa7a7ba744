import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ClearQueueRequestSchema,
  type ClearQueueResultDto,
  ModeratorRedeemRequestSchema,
  type RedeemResultDto,
  type RedemptionDto,
  type RedemptionPageDto,
  RedemptionQueueQuerySchema,
  ResetCountersRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { RedemptionQueueService } from './redemption-queue.service';
import { RedeemService } from './redeem.service';

/** The queue manager and redeeming on a viewer's behalf: `/api/workspaces/:workspaceId/redeems/...`. */
@ApiTags('redeems')
@Controller('workspaces/:workspaceId/redeems')
export class RedeemsController {
  constructor(
    private readonly queue: RedemptionQueueService,
    private readonly redeems: RedeemService,
  ) {}

  @RequireRole('viewer')
  @Get()
  list(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: RedemptionQueueQuerySchema }) query: z.output<typeof RedemptionQueueQuerySchema>,
  ): Promise<RedemptionPageDto> {
    return this.queue.list(actor, workspaceId, query);
  }

  /** A moderator redeems for a viewer: the same rules, the same result (200 even when refused). */
  @RequireRole('moderator')
  @Post()
  @HttpCode(200)
  redeem(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: ModeratorRedeemRequestSchema }) body: z.output<typeof ModeratorRedeemRequestSchema>,
  ): Promise<RedeemResultDto> {
    return this.redeems.redeemFor(actor, workspaceId, body);
  }

  /** Every pending redemption leaves the queue: refunded (default) or rejected with `refund: false`. */
  @RequireRole('moderator')
  @Post('queue/clear')
  @HttpCode(200)
  clear(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: ClearQueueRequestSchema }) body: z.output<typeof ClearQueueRequestSchema>,
  ): Promise<ClearQueueResultDto> {
    return this.queue.clear(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Post('counters/reset')
  @HttpCode(200)
  resetCounters(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: ResetCountersRequestSchema }) body: z.output<typeof ResetCountersRequestSchema>,
  ): Promise<{ reset: number }> {
    return this.queue.resetCounters(actor, workspaceId, body.rewardId ?? null);
  }

  @RequireRole('viewer')
  @Get(':redemptionId')
  get(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('redemptionId') redemptionId: string,
  ): Promise<RedemptionDto> {
    return this.queue.get(actor, workspaceId, redemptionId);
  }

  @RequireRole('moderator')
  @Post(':redemptionId/fulfil')
  @HttpCode(200)
  fulfil(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('redemptionId') redemptionId: string,
  ): Promise<RedemptionDto> {
    return this.queue.decide(actor, workspaceId, redemptionId, 'fulfil');
  }

  /** Points back through the ledger, once: a second refund (or any second decision) is 409. */
  @RequireRole('moderator')
  @Post(':redemptionId/refund')
  @HttpCode(200)
  refund(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('redemptionId') redemptionId: string,
  ): Promise<RedemptionDto> {
    return this.queue.decide(actor, workspaceId, redemptionId, 'refund');
  }

  @RequireRole('moderator')
  @Post(':redemptionId/reject')
  @HttpCode(200)
  reject(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('redemptionId') redemptionId: string,
  ): Promise<RedemptionDto> {
    return this.queue.decide(actor, workspaceId, redemptionId, 'reject');
  }
}
