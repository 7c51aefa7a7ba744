import {
  CreateKofiLinkRequestSchema,
  type CreateKofiLinkRequest,
  UpdateKofiSettingsRequestSchema,
  type UpdateKofiSettingsRequest,
} from '@podium/contracts';
import { type FieldIssue, issuesOfParse, parseWholeNumber } from '@/shared/forms/field-issues';

export interface KofiSettingsValues {
  /** Empty keeps the stored token. */
  verificationToken: string;
  pointsPerUnit: string;
}

export const KOFI_SETTINGS_FIELDS = ['verificationToken', 'pointsPerUnit'] as const;

/** Only what changed is sent: a blank token box keeps the stored token. */
export function buildKofiSettings(values: KofiSettingsValues): UpdateKofiSettingsRequest {
  const token = values.verificationToken.trim();
  return {
    pointsPerUnit: parseWholeNumber(values.pointsPerUnit, 0),
    ...(token ? { verificationToken: token } : {}),
  };
}

export function validateKofiSettings(request: UpdateKofiSettingsRequest): FieldIssue[] {
  return issuesOfParse(UpdateKofiSettingsRequestSchema.safeParse(request));
}

export function buildKofiLink(viewerId: string, email: string): CreateKofiLinkRequest {
  return { viewerId, email: email.trim() };
}

export function validateKofiLink(request: CreateKofiLinkRequest): FieldIssue[] {
  return issuesOfParse(CreateKofiLinkRequestSchema.safeParse(request));
}
