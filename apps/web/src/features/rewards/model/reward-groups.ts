import type { CategoryDto, RewardDto } from '@podium/contracts';

export interface RewardGroup {
  /** null: rewards without a category (always active). */
  category: CategoryDto | null;
  rewards: RewardDto[];
}

/**
 * Rewards by category, categories in name order, the uncategorised group first. A reward in
 * several categories shows in each.
 */
export function groupRewards(
  rewards: readonly RewardDto[],
  categories: readonly CategoryDto[],
): RewardGroup[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const groups: RewardGroup[] = [];
  const loose = rewards.filter((reward) => reward.categories.length === 0).sort(byName);
  if (loose.length > 0) groups.push({ category: null, rewards: loose });
  for (const category of [...categories].sort(byName)) {
    const key = category.name.toLowerCase();
    const inside = rewards.filter((reward) => reward.categories.some((name) => name.toLowerCase() === key));
    if (inside.length > 0) groups.push({ category, rewards: inside.sort(byName) });
  }
  return groups;
}

/** The active set after ticking or unticking one category. */
export function toggleActive(active: readonly string[], name: string, on: boolean): string[] {
  const rest = active.filter((item) => item.toLowerCase() !== name.toLowerCase());
  return on ? [...rest, name] : rest;
}
