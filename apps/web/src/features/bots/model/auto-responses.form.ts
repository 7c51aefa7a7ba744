import {
  CreateAutoResponseRequestSchema,
  type AutoResponseDto,
  type AutoResponseMatchMode,
  type CreateAutoResponseRequest,
  type Platform,
} from '@podium/contracts';
import { matchesAutoResponse } from '@podium/bots';
import { type FieldIssue, issuesOfParse, parseWholeNumber, splitLines } from './bots-shell.form';

export const AUTO_RESPONSE_FIELDS = [
  'matchMode',
  'terms',
  'responses',
  'globalCooldownSeconds',
  'userCooldownSeconds',
  'platforms',
  'enabled',
] as const;

export interface AutoResponseFormValues {
  matchMode: AutoResponseMatchMode;
  /** One term (word or phrase) a line. */
  terms: string;
  /** One response a line. */
  responses: string;
  globalCooldownSeconds: string;
  userCooldownSeconds: string;
  platforms: Platform[];
  enabled: boolean;
}

/** A new auto-response starts with the api's defaults (30 s between answers). */
export function autoResponseFormValues(autoResponse: AutoResponseDto | null): AutoResponseFormValues {
  return {
    matchMode: autoResponse?.matchMode ?? 'contains',
    terms: autoResponse?.terms.join('\n') ?? '',
    responses: autoResponse?.responses.join('\n') ?? '',
    globalCooldownSeconds: String(autoResponse?.globalCooldownSeconds ?? 30),
    userCooldownSeconds: String(autoResponse?.userCooldownSeconds ?? 0),
    platforms: autoResponse?.platforms ?? [],
    enabled: autoResponse?.enabled ?? true,
  };
}

export function buildAutoResponseRequest(values: AutoResponseFormValues): CreateAutoResponseRequest {
  return {
    matchMode: values.matchMode,
    terms: splitLines(values.terms),
    responses: splitLines(values.responses),
    globalCooldownSeconds: parseWholeNumber(values.globalCooldownSeconds, 0),
    userCooldownSeconds: parseWholeNumber(values.userCooldownSeconds, 0),
    platforms: values.platforms,
    enabled: values.enabled,
  };
}

export function validateAutoResponseRequest(request: CreateAutoResponseRequest): FieldIssue[] {
  return issuesOfParse(CreateAutoResponseRequestSchema.safeParse(request));
}

/** Would a sample chat line trigger it? The same matching the bot does (`@podium/bots`). */
export function sampleMatches(values: AutoResponseFormValues, sample: string): boolean {
  return matchesAutoResponse(values.matchMode, splitLines(values.terms), sample);
}
