import type { CategoryDto, PanelRewardDto, PanelRewardsDto, RewardDto } from '@podium/contracts';

/**
 * The panel's catalogue from the workspace's rewards: active rewards only, under each of their
 * active categories (a reward may show in several), rewards without a category first under `null`.
 * Groups and rewards keep a stable order: categories by name, rewards by price then name.
 */
export function groupCatalogue(
  rewards: readonly RewardDto[],
  categories: readonly CategoryDto[],
  availability: ReadonlyMap<string, Pick<PanelRewardDto, 'unavailable' | 'cooldownSeconds'>>,
): PanelRewardsDto['groups'] {
  const activeCategories = new Map(
    categories
      .filter((category) => category.active)
      .map((category) => [category.name.toLowerCase(), category.name]),
  );
  const groups = new Map<string | null, PanelRewardDto[]>();
  const sorted = [...rewards].sort((a, b) => a.price - b.price || a.name.localeCompare(b.name));
  for (const reward of sorted) {
    if (!reward.active) continue;
    const entry = toPanelReward(reward, availability.get(reward.id));
    const names =
      reward.categories.length === 0
        ? [null]
        : reward.categories.flatMap((name) => {
            const active = activeCategories.get(name.toLowerCase());
            return active === undefined ? [] : [active];
          });
    for (const name of names) {
      const group = groups.get(name) ?? [];
      group.push(entry);
      groups.set(name, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([name, list]) => ({ name, rewards: list }));
}

function toPanelReward(
  reward: RewardDto,
  availability: Pick<PanelRewardDto, 'unavailable' | 'cooldownSeconds'> | undefined,
): PanelRewardDto {
  const dto: PanelRewardDto = {
    id: reward.id,
    name: reward.name,
    type: reward.type,
    price: reward.price,
    description: reward.description,
    categories: reward.categories,
    requiresNote: reward.requiresNote,
    eligibility: reward.eligibility,
    unavailable: availability?.unavailable ?? null,
  };
  if (availability?.cooldownSeconds !== undefined) dto.cooldownSeconds = availability.cooldownSeconds;
  if (reward.goal) dto.goal = reward.goal;
  if (reward.vote) dto.vote = reward.vote;
  return dto;
}
