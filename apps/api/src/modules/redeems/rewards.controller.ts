import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CategoryDto,
  CreateCategoryRequestSchema,
  CreateRewardRequestSchema,
  ImportRewardsRequestSchema,
  type ImportRewardsResultDto,
  type RewardDto,
  type RewardListDto,
  SetActiveCategoriesRequestSchema,
  UpdateCategoryRequestSchema,
  UpdateRewardRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { RewardsService } from './rewards.service';

/** Rewards CRUD, categories and the Tlapbot import: `/api/workspaces/:workspaceId/rewards/...`. */
@ApiTags('rewards')
@Controller('workspaces/:workspaceId/rewards')
export class RewardsController {
  constructor(private readonly rewards: RewardsService) {}

  @RequireRole('viewer')
  @Get()
  list(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<RewardListDto> {
    return this.rewards.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post()
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateRewardRequestSchema }) body: z.output<typeof CreateRewardRequestSchema>,
  ): Promise<RewardDto> {
    return this.rewards.create(actor, workspaceId, body);
  }

  /** Tlapbot's rewards JSON as-is; existing names are skipped, never overwritten. */
  @RequireRole('moderator')
  @Post('import')
  import(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: ImportRewardsRequestSchema }) body: z.output<typeof ImportRewardsRequestSchema>,
  ): Promise<ImportRewardsResultDto> {
    return this.rewards.importTlapbot(actor, workspaceId, body);
  }

  @RequireRole('viewer')
  @Get('categories')
  categories(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<CategoryDto[]> {
    return this.rewards.categories(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post('categories')
  createCategory(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateCategoryRequestSchema }) body: z.output<typeof CreateCategoryRequestSchema>,
  ): Promise<CategoryDto> {
    return this.rewards.createCategory(actor, workspaceId, body);
  }

  /** Exactly these categories become active (Tlapbot's ACTIVE_CATEGORIES); the others inactive. */
  @RequireRole('moderator')
  @Put('categories/active')
  setActive(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: SetActiveCategoriesRequestSchema })
    body: z.output<typeof SetActiveCategoriesRequestSchema>,
  ): Promise<CategoryDto[]> {
    return this.rewards.setActiveCategories(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Patch('categories/:categoryId')
  updateCategory(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('categoryId') categoryId: string,
    @Body({ schema: UpdateCategoryRequestSchema }) body: z.output<typeof UpdateCategoryRequestSchema>,
  ): Promise<CategoryDto> {
    return this.rewards.updateCategory(actor, workspaceId, categoryId, body);
  }

  @RequireRole('moderator')
  @Delete('categories/:categoryId')
  @HttpCode(204)
  removeCategory(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('categoryId') categoryId: string,
  ): Promise<void> {
    return this.rewards.removeCategory(actor, workspaceId, categoryId);
  }

  @RequireRole('viewer')
  @Get(':rewardId')
  get(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<RewardDto> {
    return this.rewards.get(actor, workspaceId, rewardId);
  }

  @RequireRole('moderator')
  @Patch(':rewardId')
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
    @Body({ schema: UpdateRewardRequestSchema }) body: z.output<typeof UpdateRewardRequestSchema>,
  ): Promise<RewardDto> {
    return this.rewards.update(actor, workspaceId, rewardId, body);
  }

  @RequireRole('moderator')
  @Delete(':rewardId')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('rewardId') rewardId: string,
  ): Promise<void> {
    return this.rewards.remove(actor, workspaceId, rewardId);
  }
}
