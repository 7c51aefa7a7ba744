import { z } from 'zod';
import {
  GoalConfigSchema,
  SpecialConfigSchema,
  VoteConfigSchema,
  type GoalConfig,
  type SpecialConfigDto,
  type VoteConfig,
} from './goals-votes.contract';
import { OptionalObsActionSchema, type ObsAction } from './obs.contract';

/* ---------- enums ---------- */

/**
 * What a redeem does. list: goes in the queue; note: queue, with the viewer's message (a note is
 * required); counter: only counts (fulfilled at once); goal: a contribution of any amount toward a
 * collective target; vote: spends points on an option; special: POSTs a signed payload to a URL.
 */
export const REWARD_TYPES = ['list', 'note', 'counter', 'goal', 'vote', 'special'] as const;
export const RewardTypeSchema = z.enum(REWARD_TYPES);
export type RewardType = z.infer<typeof RewardTypeSchema>;

/** Who may redeem a reward. */
export const REWARD_ELIGIBILITIES = [
  'everyone',
  'followers',
  'subscribers',
  'kofi_supporters',
  'owncast_authenticated',
] as const;
export const RewardEligibilitySchema = z.enum(REWARD_ELIGIBILITIES);
export type RewardEligibility = z.infer<typeof RewardEligibilitySchema>;

export const REWARD_LIMITS = {
  nameMax: 40,
  descriptionMax: 500,
  priceMax: 100_000_000,
  cooldownMaxSeconds: 7 * 86_400,
  perLimitMax: 100_000,
  categoriesMax: 10,
  categoryNameMax: 40,
  noteMax: 300,
  importMax: 500,
} as const;

/* ---------- rewards ---------- */

/**
 * Reward names are the chat word (`!hydrate`): 1–40 letters, digits, `_` or `-`, stored lower case,
 * unique per workspace.
 */
export const RewardNameSchema = z
  .string()
  .trim()
  .transform((name) => name.toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { message: 'is required' })
      .max(REWARD_LIMITS.nameMax, { message: `must be at most ${REWARD_LIMITS.nameMax} characters` })
      .regex(/^[\p{L}\p{N}_-]+$/u, { message: 'may only hold letters, digits, _ and -' }),
  );

/** Category names: free text, 1–40 characters, unique per workspace case-insensitively. */
export const CategoryNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(REWARD_LIMITS.categoryNameMax, {
    message: `must be at most ${REWARD_LIMITS.categoryNameMax} characters`,
  });

export interface RewardDto {
  id: string;
  workspaceId: string;
  /** Lower case; the chat command `!<name>`. */
  name: string;
  type: RewardType;
  /**
   * Points per redeem. goal: the smallest contribution (0: any amount ≥ 1); vote: ignored (a redeem
   * of `amount` votes costs amount × `vote.pricePerVote`).
   */
  price: number;
  description: string;
  /** Category names; empty: always active. */
  categories: string[];
  /** The organizer's switch. */
  enabled: boolean;
  /** Enabled, and with no category or at least one active category: redeemable now. */
  active: boolean;
  /** Seconds after any redeem of this reward before anyone can redeem it again (0: none). */
  globalCooldownSeconds: number;
  /** Seconds after a viewer's redeem before the same viewer can redeem it again (0: none). */
  viewerCooldownSeconds: number;
  /** Redeems per stream (since the workspace's latest stream start), all viewers; null: no limit. */
  maxPerStream: number | null;
  /** Redeems per viewer per stream; null: no limit. */
  maxPerViewer: number | null;
  /** A note must come with the redeem (always true for `note` rewards). */
  requiresNote: boolean;
  /** Redeems skip the queue (fulfilled at once). Counters always do. */
  autoFulfil: boolean;
  eligibility: RewardEligibility;
  /** Redeems since the last counter reset (shown on the dashboard; every type counts). */
  count: number;
  /** Type `goal` only (shape from goals-votes). */
  goal?: GoalConfig;
  /** Type `vote` only. */
  vote?: VoteConfig;
  /** Type `special` only (the secret is never returned). */
  special?: SpecialConfigDto;
  /** What the streamer's OBS does on each redeem (through the `obs` overlay); absent: nothing. */
  obsAction?: ObsAction;
  createdAt: string;
  updatedAt: string;
}

const CooldownSchema = z.number().int().min(0).max(REWARD_LIMITS.cooldownMaxSeconds);
const PerLimitSchema = z.number().int().min(1).max(REWARD_LIMITS.perLimitMax).nullable();
const CategoriesSchema = z
  .array(CategoryNameSchema)
  .max(REWARD_LIMITS.categoriesMax, { message: `at most ${REWARD_LIMITS.categoriesMax} categories` })
  .transform((names) => {
    const seen = new Set<string>();
    return names.filter((name) => {
      const key = name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

const RewardFields = {
  name: RewardNameSchema,
  type: RewardTypeSchema,
  price: z.number().int().min(0).max(REWARD_LIMITS.priceMax),
  description: z.string().trim().max(REWARD_LIMITS.descriptionMax),
  /** Unknown category names are created (active). */
  categories: CategoriesSchema,
  enabled: z.boolean(),
  globalCooldownSeconds: CooldownSchema,
  viewerCooldownSeconds: CooldownSchema,
  maxPerStream: PerLimitSchema,
  maxPerViewer: PerLimitSchema,
  requiresNote: z.boolean(),
  autoFulfil: z.boolean(),
  eligibility: RewardEligibilitySchema,
  goal: GoalConfigSchema.optional(),
  vote: VoteConfigSchema.optional(),
  special: SpecialConfigSchema.optional(),
  /** Switch the OBS scene or save the replay buffer on each redeem; null removes it. */
  obsAction: OptionalObsActionSchema,
};

/** The type's config object is required for goal/vote/special and refused for the others. */
function checkTypeConfig(
  reward: { type?: RewardType; goal?: unknown; vote?: unknown; special?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (!reward.type) return;
  for (const key of ['goal', 'vote', 'special'] as const) {
    if (reward.type === key && reward[key] === undefined) {
      ctx.addIssue({ code: 'custom', path: [key], message: `is required for a ${key} reward` });
    }
    if (reward.type !== key && reward[key] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [key], message: `only for a ${key} reward` });
    }
  }
}

export const CreateRewardRequestSchema = z
  .object({
    ...RewardFields,
    price: RewardFields.price.default(0),
    description: RewardFields.description.default(''),
    categories: RewardFields.categories.default([]),
    enabled: z.boolean().default(true),
    globalCooldownSeconds: CooldownSchema.default(0),
    viewerCooldownSeconds: CooldownSchema.default(0),
    maxPerStream: PerLimitSchema.default(null),
    maxPerViewer: PerLimitSchema.default(null),
    requiresNote: z.boolean().default(false),
    autoFulfil: z.boolean().default(false),
    eligibility: RewardEligibilitySchema.default('everyone'),
  })
  .superRefine(checkTypeConfig);
export type CreateRewardRequest = z.input<typeof CreateRewardRequestSchema>;

/** PATCH: any subset; the type cannot change (delete and recreate instead). */
export const UpdateRewardRequestSchema = z.object({
  name: RewardFields.name.optional(),
  price: RewardFields.price.optional(),
  description: RewardFields.description.optional(),
  categories: RewardFields.categories.optional(),
  enabled: z.boolean().optional(),
  globalCooldownSeconds: CooldownSchema.optional(),
  viewerCooldownSeconds: CooldownSchema.optional(),
  maxPerStream: PerLimitSchema.optional(),
  maxPerViewer: PerLimitSchema.optional(),
  requiresNote: z.boolean().optional(),
  autoFulfil: z.boolean().optional(),
  eligibility: RewardEligibilitySchema.optional(),
  goal: GoalConfigSchema.optional(),
  vote: VoteConfigSchema.optional(),
  special: SpecialConfigSchema.optional(),
  obsAction: OptionalObsActionSchema,
});
export type UpdateRewardRequest = z.input<typeof UpdateRewardRequestSchema>;

export interface RewardListDto {
  rewards: RewardDto[];
  categories: CategoryDto[];
}

/* ---------- categories ---------- */

export interface CategoryDto {
  id: string;
  name: string;
  /** Rewards in an inactive category (and in no active one) cannot be redeemed. */
  active: boolean;
  /** Rewards in this category. */
  rewardCount: number;
}

/** PUT /rewards/categories/active: exactly these categories become active, every other inactive. */
export const SetActiveCategoriesRequestSchema = z.object({
  active: z.array(CategoryNameSchema).max(200),
});
export type SetActiveCategoriesRequest = z.input<typeof SetActiveCategoriesRequestSchema>;

export const CreateCategoryRequestSchema = z.object({
  name: CategoryNameSchema,
  active: z.boolean().default(true),
});
export type CreateCategoryRequest = z.input<typeof CreateCategoryRequestSchema>;

export const UpdateCategoryRequestSchema = z.object({
  name: CategoryNameSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateCategoryRequest = z.input<typeof UpdateCategoryRequestSchema>;

/* ---------- import (Tlapbot) ---------- */

/**
 * POST /rewards/import: Tlapbot's rewards JSON as-is, `{ "<name>": { price | goal, type:
 * list|note|counter|milestone, info, category(ies) } }`; milestone becomes a goal reward.
 */
export const ImportRewardsRequestSchema = z
  .record(z.string(), z.unknown())
  // An empty file imports nothing: say so rather than answer "created none".
  .refine((rewards) => Object.keys(rewards).length > 0, {
    message: 'must hold at least one reward ({ "<name>": { "price": 100, "type": "list" } })',
  });
export type ImportRewardsRequest = z.input<typeof ImportRewardsRequestSchema>;

export interface ImportRewardsResultDto {
  created: RewardDto[];
  /** Names not imported, with why (already exists, bad price, unknown type…). */
  skipped: { name: string; reason: string }[];
}

/* ---------- socket ---------- */

/** `reward.changed` (organizers): a reward, its counter, or the categories changed; refetch the list. */
export interface RewardChangedPayload {
  workspaceId: string;
  /** null: several changed (categories, import, counters reset). */
  rewardId: string | null;
}
