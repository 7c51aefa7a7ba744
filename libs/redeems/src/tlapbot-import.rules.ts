import { REWARD_LIMITS, RewardNameSchema, type RewardType } from '@podium/contracts';

/** One reward read from a Tlapbot rewards file, ready to create. */
export interface ImportedReward {
  name: string;
  type: Extract<RewardType, 'list' | 'note' | 'counter' | 'goal'>;
  price: number;
  description: string;
  categories: string[];
  /** Milestones become goals: Tlapbot's `goal` is the target. */
  goal?: { target: number; milestones: [] };
}

export interface TlapbotImport {
  rewards: ImportedReward[];
  skipped: { name: string; reason: string }[];
}

const TYPES: Record<string, ImportedReward['type']> = {
  list: 'list',
  note: 'note',
  counter: 'counter',
  milestone: 'goal',
};

/**
 * Tlapbot's REWARDS: `{ "<name>": { price | goal, type: list|note|counter|milestone, info,
 * category | categories } }`. Every entry is either imported or skipped with a reason; nothing
 * throws on bad input. A missing type means list (Tlapbot's default).
 */
export function parseTlapbotRewards(file: unknown): TlapbotImport {
  const result: TlapbotImport = { rewards: [], skipped: [] };
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    result.skipped.push({ name: '', reason: 'the file must be a JSON object of rewards by name' });
    return result;
  }
  const seen = new Set<string>();
  for (const [rawName, value] of Object.entries(file as Record<string, unknown>)) {
    const shown = rawName.slice(0, 60);
    if (result.rewards.length >= REWARD_LIMITS.importMax) {
      result.skipped.push({ name: shown, reason: `at most ${REWARD_LIMITS.importMax} rewards per import` });
      continue;
    }
    const name = RewardNameSchema.safeParse(rawName);
    if (!name.success) {
      result.skipped.push({ name: shown, reason: 'the name must be 1-40 letters, digits, _ or -' });
      continue;
    }
    if (seen.has(name.data)) {
      result.skipped.push({ name: name.data, reason: 'the name appears twice' });
      continue;
    }
    const parsed = parseEntry(value);
    if ('reason' in parsed) {
      result.skipped.push({ name: name.data, reason: parsed.reason });
      continue;
    }
    seen.add(name.data);
    result.rewards.push({ name: name.data, ...parsed });
  }
  return result;
}

function parseEntry(value: unknown): Omit<ImportedReward, 'name'> | { reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: 'each reward must be an object' };
  }
  const entry = value as Record<string, unknown>;
  const rawType = entry['type'] === undefined ? 'list' : entry['type'];
  const type = typeof rawType === 'string' ? TYPES[rawType.toLowerCase()] : undefined;
  if (!type) return { reason: `unknown type ${JSON.stringify(rawType).slice(0, 40)}` };
  const description =
    typeof entry['info'] === 'string' ? entry['info'].trim().slice(0, REWARD_LIMITS.descriptionMax) : '';
  const categories = categoriesOf(entry['categories'] ?? entry['category']);
  if (categories === null) return { reason: 'categories must be names' };
  if (type === 'goal') {
    const target = entry['goal'];
    if (!isWhole(target) || target < 1 || target > 1_000_000_000) {
      return { reason: 'a milestone needs a whole positive goal' };
    }
    return { type, price: 0, description, categories, goal: { target, milestones: [] } };
  }
  const price = entry['price'];
  if (!isWhole(price) || price < 0 || price > REWARD_LIMITS.priceMax) {
    return { reason: 'the price must be a whole number of points, 0 or more' };
  }
  return { type, price, description, categories };
}

function categoriesOf(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') return null;
    const name = item.trim();
    if (!name || name.length > REWARD_LIMITS.categoryNameMax) return null;
    if (!names.some((known) => known.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names.slice(0, REWARD_LIMITS.categoriesMax);
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
