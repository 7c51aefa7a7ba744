import { AdjustPointsRequestSchema, type AdjustPointsRequest } from '@podium/contracts';
import { isApiError } from '@/shared/api/api-error';
import { type FieldIssue, issuesOfParse, parseWholeNumber } from '@/shared/forms/field-issues';

export type AdjustDirection = 'give' | 'take';

export interface AdjustValues {
  direction: AdjustDirection;
  /** Typed as text: a positive whole number. */
  amount: string;
  reason: string;
}

export const ADJUST_FIELDS = ['amount', 'reason'] as const;

export const emptyAdjust = (): AdjustValues => ({ direction: 'give', amount: '', reason: '' });

/** The signed request: "take 30" is -30. A non-number stays NaN so the schema names `amount`. */
export function buildAdjust(viewerId: string, values: AdjustValues): AdjustPointsRequest {
  const amount = Math.abs(parseWholeNumber(values.amount, 0));
  return {
    viewerId,
    amount: values.direction === 'take' ? -amount : amount,
    reason: values.reason.trim(),
  };
}

export function validateAdjust(request: AdjustPointsRequest): FieldIssue[] {
  return issuesOfParse(AdjustPointsRequestSchema.safeParse(request));
}

/** A take the balance cannot cover: the server refuses it (409) and nothing changed. */
export function isInsufficient(error: unknown): boolean {
  return isApiError(error) && error.statusCode === 409;
}
