import { UpdateBotSettingsRequestSchema, type UpdateBotSettingsRequest } from '@podium/contracts';
import { type FieldIssue, issuesOfParse } from './bots-shell.form';

export const BOT_SETTINGS_FIELDS = ['prefix'] as const;

/** The prefix as typed: one character; white space around it is a slip, not a choice. */
export function buildBotSettingsRequest(prefix: string): UpdateBotSettingsRequest {
  return { prefix: prefix.trim() };
}

export function validateBotSettingsRequest(request: UpdateBotSettingsRequest): FieldIssue[] {
  return issuesOfParse(UpdateBotSettingsRequestSchema.safeParse(request));
}
