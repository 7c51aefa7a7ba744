import type {
  CategoryDto,
  GoalConfig,
  Platform,
  PublicRedemptionDto,
  RedemptionDto,
  RewardDto,
  VoteConfig,
} from '@podium/contracts';
import { isRewardActive } from '@podium/redeems';
import type { RedemptionRow } from './redemptions.repository';
import type { CategoryRow, RewardRow } from './rewards.repository';

export function toRewardDto(row: RewardRow): RewardDto {
  const dto: RewardDto = {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    type: row.type,
    price: Number(row.price),
    description: row.description,
    categories: row.categories.map((category) => category.name),
    enabled: row.enabled,
    active: isRewardActive({ enabled: row.enabled, categories: row.categories }),
    globalCooldownSeconds: row.global_cooldown_seconds,
    viewerCooldownSeconds: row.viewer_cooldown_seconds,
    maxPerStream: row.max_per_stream,
    maxPerViewer: row.max_per_viewer,
    requiresNote: row.requires_note || row.type === 'note',
    autoFulfil: row.auto_fulfil,
    eligibility: row.eligibility,
    count: row.count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.type === 'goal' && row.config.goal) dto.goal = row.config.goal as GoalConfig;
  if (row.type === 'vote' && row.config.vote) dto.vote = row.config.vote as VoteConfig;
  if (row.type === 'special' && row.config.special) {
    dto.special = { url: row.config.special.url, hasSecret: row.config.special.secretSealed !== null };
  }
  if (row.config.obsAction) dto.obsAction = row.config.obsAction;
  return dto;
}

export function toCategoryDto(row: CategoryRow): CategoryDto {
  return { id: row.id, name: row.name, active: row.active, rewardCount: row.reward_count };
}

export function toRedemptionDto(row: RedemptionRow): RedemptionDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    reward: { id: row.reward_id ?? '', name: row.reward_name, type: row.reward_type },
    viewer: { id: row.viewer_id, displayName: row.viewer_name, platform: row.viewer_platform as Platform },
    spent: Number(row.spent),
    note: row.note,
    optionId: row.option_id,
    status: row.status,
    source: row.source,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decidedBy:
      row.decided_by_user_id && row.decided_by_name
        ? { userId: row.decided_by_user_id, displayName: row.decided_by_name }
        : null,
  };
}

export function toPublicRedemptionDto(redemption: RedemptionDto): PublicRedemptionDto {
  return {
    id: redemption.id,
    rewardName: redemption.reward.name,
    viewerDisplayName: redemption.viewer.displayName,
    status: redemption.status,
    createdAt: redemption.createdAt,
  };
}
