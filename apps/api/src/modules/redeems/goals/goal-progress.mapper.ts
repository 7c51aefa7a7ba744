import { type GoalConfig, GoalConfigSchema, type GoalProgressDto } from '@podium/contracts';
import { sortedMilestones } from '@podium/redeems';
import type { TypedRewardRow } from './typed-rewards.repository';
import type { GoalProgressRow, ReachedMilestoneRow } from './goals.repository';

/** The goal's config, or null when the stored config does not parse (then nothing can be contributed). */
export function goalConfigOf(reward: TypedRewardRow): GoalConfig | null {
  const parsed = GoalConfigSchema.safeParse(reward.config['goal']);
  return parsed.success ? parsed.data : null;
}

/** A goal as clients see it; a goal nobody contributed to yet is round 1 at 0. */
export function toGoalProgressDto(
  reward: TypedRewardRow,
  row: GoalProgressRow | null,
  contributors: number,
  reached: readonly ReachedMilestoneRow[],
): GoalProgressDto {
  const config = goalConfigOf(reward) ?? { target: 1, milestones: [] };
  const reachedAt = new Map(reached.map((m) => [Number(m.at), m.reached_at.toISOString()]));
  return {
    rewardId: reward.id,
    workspaceId: reward.workspace_id,
    name: reward.name,
    target: config.target,
    progress: Number(row?.progress ?? 0),
    milestones: sortedMilestones(config).map((m) => ({ ...m, reachedAt: reachedAt.get(m.at) ?? null })),
    contributors,
    completedAt: row?.completed_at?.toISOString() ?? null,
    round: row?.round ?? 1,
    version: Number(row?.version ?? 0),
    enabled: reward.enabled,
    updatedAt: (row?.updated_at ?? new Date(0)).toISOString(),
  };
}
