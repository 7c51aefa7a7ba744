import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AdjustPointsRequest,
  AdjustPointsRequestSchema,
  type BalanceDto,
  type BalanceListDto,
  BalanceSearchQuerySchema,
  type LeaderboardDto,
  LeaderboardQuerySchema,
  LedgerHistoryQuerySchema,
  type LedgerPageDto,
  type PointsSettingsDto,
  type UpdatePointsSettingsRequest,
  UpdatePointsSettingsRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { PointsService } from './points.service';
import { PointsSettingsService } from './points-settings.service';

@ApiTags('points')
@Controller('workspaces/:workspaceId/points')
export class PointsController {
  constructor(
    private readonly points: PointsService,
    private readonly settings: PointsSettingsService,
  ) {}

  @RequireRole('moderator')
  @Get('settings')
  getSettings(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<PointsSettingsDto> {
    return this.settings.read(actor, workspaceId);
  }

  /** Any subset of the settings; the rest keep their values. */
  @RequireRole('moderator')
  @Put('settings')
  updateSettings(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: UpdatePointsSettingsRequestSchema }) body: UpdatePointsSettingsRequest,
  ): Promise<PointsSettingsDto> {
    return this.settings.update(actor, workspaceId, body);
  }

  /** Viewers with their balances, searched by name or login (empty: the top balances). */
  @RequireRole('viewer')
  @Get('balances')
  search(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: BalanceSearchQuerySchema }) query: z.output<typeof BalanceSearchQuerySchema>,
  ): Promise<BalanceListDto> {
    return this.points.search(actor, workspaceId, query);
  }

  @RequireRole('viewer')
  @Get('balances/:viewerId')
  balance(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('viewerId') viewerId: string,
  ): Promise<BalanceDto> {
    return this.points.balance(actor, workspaceId, viewerId);
  }

  /** A viewer's ledger entries, newest first, paged with `before`. */
  @RequireRole('viewer')
  @Get('viewers/:viewerId/history')
  history(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('viewerId') viewerId: string,
    @Query({ schema: LedgerHistoryQuerySchema }) query: z.output<typeof LedgerHistoryQuerySchema>,
  ): Promise<LedgerPageDto> {
    return this.points.history(actor, workspaceId, viewerId, query);
  }

  @RequireRole('viewer')
  @Get('leaderboard')
  leaderboard(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: LeaderboardQuerySchema }) query: z.output<typeof LeaderboardQuerySchema>,
  ): Promise<LeaderboardDto> {
    return this.points.leaderboard(actor, workspaceId, query);
  }

  /** A moderator's manual change with a reason; taking more than the balance is a 409. */
  @RequireRole('moderator')
  @Post('adjust')
  @HttpCode(200)
  adjust(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: AdjustPointsRequestSchema }) body: AdjustPointsRequest,
  ): Promise<BalanceDto> {
    return this.points.adjust(actor, workspaceId, body);
  }
}
