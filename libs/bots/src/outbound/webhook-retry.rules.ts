/** Waits between automatic attempts of a delivery: 10 s, 30 s, 2 min, 10 min, 1 h. */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  10_000, 30_000, 120_000, 600_000, 3_600_000,
];

/** Deliveries that failed in a row (all their attempts) before the subscription is disabled. */
export const DEFAULT_WEBHOOK_DISABLE_AFTER = 5;

/** The most of a response body the delivery log keeps. */
export const WEBHOOK_RESPONSE_EXCERPT_BYTES = 1024;

export interface WebhookRetryPolicy {
  /** Wait before automatic attempt n+1 after attempt n failed; its length + 1 is the most attempts. */
  delaysMs: readonly number[];
  /** Consecutive failed deliveries that disable the subscription (0: never). */
  disableAfter: number;
}

export type AttemptTrigger = 'auto' | 'replay' | 'test';

export type AfterFailedAttempt = { kind: 'retry'; delayMs: number } | { kind: 'give_up' };

/**
 * What follows a failed attempt. Only automatic attempts retry: a replay by hand or a test send is
 * one attempt, its outcome shown to the person who clicked.
 */
export function afterFailedAttempt(
  policy: WebhookRetryPolicy,
  trigger: AttemptTrigger,
  autoAttemptsMade: number,
): AfterFailedAttempt {
  if (trigger !== 'auto') return { kind: 'give_up' };
  const delayMs = policy.delaysMs[autoAttemptsMade - 1];
  return delayMs === undefined ? { kind: 'give_up' } : { kind: 'retry', delayMs };
}

/** The most automatic attempts one delivery gets. */
export function maxAutoAttempts(policy: WebhookRetryPolicy): number {
  return policy.delaysMs.length + 1;
}

/** After a delivery gave up: the new failure count, and whether the subscription is now disabled. */
export function afterFailedDelivery(
  policy: WebhookRetryPolicy,
  consecutiveFailures: number,
): { consecutiveFailures: number; disable: boolean } {
  const next = consecutiveFailures + 1;
  return { consecutiveFailures: next, disable: policy.disableAfter > 0 && next >= policy.disableAfter };
}

/** Whether an HTTP status counts as delivered. */
export function isDelivered(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}

/** The first `maxBytes` bytes of a response, cut on a character boundary. */
export function responseExcerpt(text: string, maxBytes = WEBHOOK_RESPONSE_EXCERPT_BYTES): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return text;
  // fatal: false drops a split multi-byte character at the end as U+FFFD: strip it.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.slice(0, maxBytes)).replace(/\uFFFD+$/, '');
}
