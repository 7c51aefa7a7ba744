import type { SpecialDeliveryStatus, SpecialWebhookPayload } from '@podium/contracts';
import { SPECIAL_MAX_ATTEMPTS } from '@podium/contracts';

/** http or https, a host, no user:password (the secret signs; credentials in URLs leak into logs). */
export function isAllowedSpecialUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}

export const SPECIAL_BACKOFF_BASE_MS = 1_000;
export const SPECIAL_BACKOFF_MAX_MS = 5 * 60_000;

/** Wait before try `attempt + 1` after try `attempt` failed: 1 s, 2 s, 4 s, … capped at 5 minutes. */
export function specialBackoffMs(attempt: number): number {
  return Math.min(SPECIAL_BACKOFF_MAX_MS, SPECIAL_BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/** What one try's answer means: 2xx delivered; 408, 425, 429 and 5xx (or no answer) worth retrying; other 4xx final. */
export function classifySpecialAnswer(statusCode: number | null): 'delivered' | 'retry' | 'rejected' {
  if (statusCode === null) return 'retry';
  if (statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode === 408 || statusCode === 425 || statusCode === 429 || statusCode >= 500) return 'retry';
  return 'rejected';
}

export interface SpecialNextStep {
  status: SpecialDeliveryStatus;
  /** Delay before the next try while `pending`, else null. */
  retryInMs: number | null;
}

/** After try `attempt` (1-based) answered `statusCode` (null: network error or timeout). */
export function nextSpecialStep(
  attempt: number,
  statusCode: number | null,
  maxAttempts: number = SPECIAL_MAX_ATTEMPTS,
): SpecialNextStep {
  switch (classifySpecialAnswer(statusCode)) {
    case 'delivered':
      return { status: 'delivered', retryInMs: null };
    case 'rejected':
      return { status: 'failed', retryInMs: null };
    case 'retry':
      return attempt >= maxAttempts
        ? { status: 'failed', retryInMs: null }
        : { status: 'pending', retryInMs: specialBackoffMs(attempt) };
  }
}

/** The exact bytes to send and sign: the JSON of the payload (keys in a fixed order). */
export function serializeSpecialPayload(payload: SpecialWebhookPayload): string {
  return JSON.stringify({
    id: payload.id,
    type: payload.type,
    timestamp: payload.timestamp,
    attempt: payload.attempt,
    workspaceId: payload.workspaceId,
    reward: { id: payload.reward.id, name: payload.reward.name },
    redemption: {
      id: payload.redemption.id,
      spent: payload.redemption.spent,
      note: payload.redemption.note,
      createdAt: payload.redemption.createdAt,
      viewer: {
        id: payload.redemption.viewer.id,
        displayName: payload.redemption.viewer.displayName,
        platform: payload.redemption.viewer.platform,
        login: payload.redemption.viewer.login,
      },
    },
  });
}

/** Error text kept on the delivery: one line, at most 500 characters. */
export function specialErrorText(message: string): string {
  return message.replace(/\s+/g, ' ').trim().slice(0, 500);
}
