/** A reward's categories as the activation rule needs them. */
export interface CategoryState {
  name: string;
  active: boolean;
}

/**
 * Tlapbot's ACTIVE_CATEGORIES: a reward without a category is always active; one with categories
 * is active while at least one of them is. Disabled rewards are never active.
 */
export function isRewardActive(reward: { enabled: boolean; categories: readonly CategoryState[] }): boolean {
  if (!reward.enabled) return false;
  return reward.categories.length === 0 || reward.categories.some((category) => category.active);
}

/**
 * Switching categories as a set: exactly the named ones (case-insensitively) become active. Returns
 * each known category with its new state, and the names that matched none.
 */
export function applyActiveSet(
  categories: readonly CategoryState[],
  activeNames: readonly string[],
): { categories: CategoryState[]; unknown: string[] } {
  const wanted = new Set(activeNames.map((name) => name.trim().toLowerCase()));
  const known = new Set(categories.map((category) => category.name.toLowerCase()));
  return {
    categories: categories.map((category) => ({
      ...category,
      active: wanted.has(category.name.toLowerCase()),
    })),
    unknown: [...wanted].filter((name) => !known.has(name)),
  };
}
