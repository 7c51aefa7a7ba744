import {
  CreateRewardRequestSchema,
  type CreateRewardRequest,
  type RewardDto,
  type RewardEligibility,
  type RewardType,
  UpdateRewardRequestSchema,
  type UpdateRewardRequest,
} from '@podium/contracts';
import { type FieldIssue, issuesOfParse, parseWholeNumber } from '@/shared/forms/field-issues';
import {
  NO_OBS_ACTION,
  obsActionValues,
  type ObsActionValues,
  toObsAction,
} from '@/shared/ui/obs-action-field';

export interface MilestoneValues {
  at: string;
  label: string;
}

export interface OptionValues {
  /** Kept from the saved option (ids are chosen once); '' for a new option (derived from the label). */
  id: string;
  label: string;
}

/** A reward as typed in its form: numbers as text, limits '' for none. */
export interface RewardValues {
  name: string;
  type: RewardType;
  price: string;
  description: string;
  /** Comma-separated category names. */
  categories: string;
  enabled: boolean;
  globalCooldownSeconds: string;
  viewerCooldownSeconds: string;
  maxPerStream: string;
  maxPerViewer: string;
  requiresNote: boolean;
  autoFulfil: boolean;
  eligibility: RewardEligibility;
  goalTarget: string;
  milestones: MilestoneValues[];
  options: OptionValues[];
  pricePerVote: string;
  specialUrl: string;
  /** Empty on an edit keeps the stored secret. */
  specialSecret: string;
  /** What OBS does on each redeem. */
  obsAction: ObsActionValues;
}

/** The fields the form shows, by contract name (goal/vote/special issues land on their blocks). */
export const REWARD_FIELDS = [
  'name',
  'type',
  'price',
  'description',
  'categories',
  'globalCooldownSeconds',
  'viewerCooldownSeconds',
  'maxPerStream',
  'maxPerViewer',
  'eligibility',
  'goal',
  'vote',
  'special',
  'obsAction',
] as const;

export function emptyReward(type: RewardType = 'list'): RewardValues {
  return {
    name: '',
    type,
    price: '100',
    description: '',
    categories: '',
    enabled: true,
    globalCooldownSeconds: '0',
    viewerCooldownSeconds: '0',
    maxPerStream: '',
    maxPerViewer: '',
    requiresNote: type === 'note',
    autoFulfil: false,
    eligibility: 'everyone',
    goalTarget: '1000',
    milestones: [],
    options: [
      { id: '', label: '' },
      { id: '', label: '' },
    ],
    pricePerVote: '10',
    specialUrl: '',
    specialSecret: '',
    obsAction: NO_OBS_ACTION,
  };
}

export function rewardValues(reward: RewardDto): RewardValues {
  return {
    ...emptyReward(reward.type),
    name: reward.name,
    price: String(reward.price),
    description: reward.description,
    categories: reward.categories.join(', '),
    enabled: reward.enabled,
    globalCooldownSeconds: String(reward.globalCooldownSeconds),
    viewerCooldownSeconds: String(reward.viewerCooldownSeconds),
    maxPerStream: reward.maxPerStream === null ? '' : String(reward.maxPerStream),
    maxPerViewer: reward.maxPerViewer === null ? '' : String(reward.maxPerViewer),
    requiresNote: reward.requiresNote,
    autoFulfil: reward.autoFulfil,
    eligibility: reward.eligibility,
    goalTarget: reward.goal ? String(reward.goal.target) : '1000',
    milestones: (reward.goal?.milestones ?? []).map((m) => ({ at: String(m.at), label: m.label })),
    options: reward.vote
      ? reward.vote.options.map((o) => ({ id: o.id, label: o.label }))
      : emptyReward().options,
    pricePerVote: reward.vote ? String(reward.vote.pricePerVote) : '10',
    specialUrl: reward.special?.url ?? '',
    obsAction: obsActionValues(reward.obsAction),
  };
}

/** A vote option id from its label, once: `Pizza night!` → `pizza-night`; unique within the vote. */
export function optionIds(options: readonly OptionValues[]): string[] {
  const taken = new Set(options.map((o) => o.id).filter(Boolean));
  return options.map((option, index) => {
    if (option.id) return option.id;
    const base =
      option.label
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 32) || `option-${index + 1}`;
    let id = /^[a-z0-9]/.test(base) ? base : `o${base}`;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

/** Category names may hold spaces: only commas separate them. */
export function splitCategories(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** '' is no limit (null); anything else a number (NaN when not one, so the schema names it). */
const limit = (text: string): number | null => (text.trim() === '' ? null : parseWholeNumber(text, 0));

/** The create body: common fields plus the type's own config block. */
export function buildCreateReward(values: RewardValues): CreateRewardRequest {
  const ids = optionIds(values.options);
  const secret = values.specialSecret.trim();
  return {
    name: values.name.trim(),
    type: values.type,
    price: parseWholeNumber(values.price, 0),
    description: values.description.trim(),
    categories: splitCategories(values.categories),
    enabled: values.enabled,
    globalCooldownSeconds: parseWholeNumber(values.globalCooldownSeconds, 0),
    viewerCooldownSeconds: parseWholeNumber(values.viewerCooldownSeconds, 0),
    maxPerStream: limit(values.maxPerStream),
    maxPerViewer: limit(values.maxPerViewer),
    requiresNote: values.type === 'note' ? true : values.requiresNote,
    autoFulfil: values.autoFulfil,
    eligibility: values.eligibility,
    obsAction: toObsAction(values.obsAction),
    ...(values.type === 'goal'
      ? {
          goal: {
            target: parseWholeNumber(values.goalTarget, 0),
            milestones: values.milestones
              .filter((m) => m.at.trim() !== '' || m.label.trim() !== '')
              .map((m) => ({ at: parseWholeNumber(m.at, 0), label: m.label.trim() }))
              .sort((a, b) => a.at - b.at),
          },
        }
      : {}),
    ...(values.type === 'vote'
      ? {
          vote: {
            options: values.options
              .map((o, index) => ({ id: ids[index] ?? '', label: o.label.trim() }))
              .filter((o) => o.label !== ''),
            pricePerVote: parseWholeNumber(values.pricePerVote, 0),
          },
        }
      : {}),
    ...(values.type === 'special'
      ? { special: { url: values.specialUrl.trim(), ...(secret ? { secret } : {}) } }
      : {}),
  };
}

/** The edit body: the same fields without `type` (a reward keeps its type). */
export function buildUpdateReward(values: RewardValues): UpdateRewardRequest {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { type, ...rest } = buildCreateReward(values);
  return rest;
}

export function validateCreateReward(request: CreateRewardRequest): FieldIssue[] {
  return issuesOfParse(CreateRewardRequestSchema.safeParse(request));
}

export function validateUpdateReward(request: UpdateRewardRequest): FieldIssue[] {
  return issuesOfParse(UpdateRewardRequestSchema.safeParse(request));
}
