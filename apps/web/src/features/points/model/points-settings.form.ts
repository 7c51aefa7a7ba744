import {
  type ActionPointsSettingsDto,
  type PointsSettingsDto,
  type PresenceMode,
  type StreakBonusDto,
  UpdateActionPointsSettingsRequestSchema,
  type UpdateActionPointsSettingsRequest,
  UpdatePointsSettingsRequestSchema,
  type UpdatePointsSettingsRequest,
} from '@podium/contracts';
import { type FieldIssue, issuesOfParse, parseWholeNumber } from '@/shared/forms/field-issues';

/** The numeric settings typed in boxes (core and action points), by their contract names. */
export const CORE_NUMBER_FIELDS = [
  'pointsPerCycle',
  'cycleMinutes',
  'presenceWindowMinutes',
  'meetingPointsRate',
] as const;
export const ACTION_NUMBER_FIELDS = [
  'follow',
  'subscriptionTier1',
  'subscriptionTier2',
  'subscriptionTier3',
  'perGiftedSub',
  'per100Bits',
  'perRaidViewer',
  'perMoneyUnit',
] as const;
type CoreNumber = (typeof CORE_NUMBER_FIELDS)[number];
type ActionNumber = (typeof ACTION_NUMBER_FIELDS)[number];

/** One streak bonus row as typed. */
export interface StreakBonusValues {
  length: string;
  points: string;
}

export type PointsSettingsValues = Record<CoreNumber | ActionNumber, string> & {
  currencyName: string;
  cyclesEnabled: boolean;
  presenceMode: PresenceMode;
  onlyWhileLive: boolean;
  passive: boolean;
  streakBonuses: StreakBonusValues[];
};

/** Every field the form shows (issues on others become a whole-form error). */
export const POINTS_SETTINGS_FIELDS: readonly string[] = [
  'currencyName',
  'cyclesEnabled',
  'presenceMode',
  'onlyWhileLive',
  'passive',
  ...CORE_NUMBER_FIELDS,
  ...ACTION_NUMBER_FIELDS,
  'streakBonuses',
];

/** The form's starting values from what the server has. */
export function settingsValues(
  core: PointsSettingsDto,
  actions: ActionPointsSettingsDto,
): PointsSettingsValues {
  const numbers = Object.fromEntries([
    ...CORE_NUMBER_FIELDS.map((field) => [field, String(core[field])]),
    ...ACTION_NUMBER_FIELDS.map((field) => [field, String(actions[field])]),
  ]) as Record<CoreNumber | ActionNumber, string>;
  return {
    ...numbers,
    currencyName: core.currencyName,
    cyclesEnabled: core.cyclesEnabled,
    presenceMode: core.presenceMode,
    onlyWhileLive: core.onlyWhileLive,
    passive: core.passive,
    streakBonuses: actions.streakBonuses.map((bonus) => ({
      length: String(bonus.length),
      points: String(bonus.points),
    })),
  };
}

/** The two PUT bodies the form saves: the core settings and the action points. */
export interface PointsSettingsRequests {
  core: UpdatePointsSettingsRequest;
  actions: UpdateActionPointsSettingsRequest;
}

/** Numbers as typed (NaN when not a number, so the schema names the field); bonuses by length. */
export function buildSettingsRequests(values: PointsSettingsValues): PointsSettingsRequests {
  const number = (field: CoreNumber | ActionNumber) => parseWholeNumber(values[field], 0);
  const bonuses: StreakBonusDto[] = values.streakBonuses
    .filter((bonus) => bonus.length.trim() !== '' || bonus.points.trim() !== '')
    .map((bonus) => ({
      length: parseWholeNumber(bonus.length, 0),
      points: parseWholeNumber(bonus.points, 0),
    }))
    .sort((a, b) => a.length - b.length);
  return {
    core: {
      currencyName: values.currencyName.trim(),
      cyclesEnabled: values.cyclesEnabled,
      presenceMode: values.presenceMode,
      onlyWhileLive: values.onlyWhileLive,
      passive: values.passive,
      pointsPerCycle: number('pointsPerCycle'),
      cycleMinutes: number('cycleMinutes'),
      presenceWindowMinutes: number('presenceWindowMinutes'),
      meetingPointsRate: number('meetingPointsRate'),
    },
    actions: {
      ...(Object.fromEntries(ACTION_NUMBER_FIELDS.map((field) => [field, number(field)])) as Record<
        ActionNumber,
        number
      >),
      streakBonuses: bonuses,
    },
  };
}

/** The contract schemas' checks on both bodies, with the api's dotted field names. */
export function validateSettings(requests: PointsSettingsRequests): FieldIssue[] {
  return [
    ...issuesOfParse(UpdatePointsSettingsRequestSchema.safeParse(requests.core)),
    ...issuesOfParse(UpdateActionPointsSettingsRequestSchema.safeParse(requests.actions)),
  ];
}
