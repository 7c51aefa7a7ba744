import type { ReportActivityBucketDto, ReportViewerSampleDto } from '@podium/contracts';

/** Ledger reasons whose positive entries are not points "given" (money coming back, data moved in). */
const NOT_GIVEN = new Set(['refund', 'import']);
/** Ledger reasons that are viewers spending (a refund gives a redeem's points back). */
const SPENDING = new Set(['redeem', 'goal', 'vote', 'refund']);

/** Net and positive ledger sums of one reason over a span, as a repository reads them. */
export interface LedgerReasonSums {
  reason: string;
  /** Sum of the positive entries. */
  credited: number;
  /** Sum of the negative entries, as a positive number. */
  debited: number;
}

/**
 * Points given (every credit but refunds and imports) and spent (debits for rewards, goals and
 * votes, net of refunds) from per-reason sums. Manual deductions are neither.
 */
export function pointsGivenAndSpent(sums: readonly LedgerReasonSums[]): { given: number; spent: number } {
  let given = 0;
  let spent = 0;
  for (const { reason, credited, debited } of sums) {
    if (!NOT_GIVEN.has(reason)) given += credited;
    if (SPENDING.has(reason)) spent += debited - credited;
  }
  return { given, spent: Math.max(0, spent) };
}

/** Start of the UTC minute holding `time`. */
function minuteOf(time: number): number {
  return Math.floor(time / 60_000) * 60_000;
}

/** The most minutes an activity chart holds; longer spans are bucketed coarser. */
export const ACTIVITY_MAX_BUCKETS = 240;

/**
 * Messages per bucket over [from, to], empty buckets included. Buckets are whole minutes (several
 * per bucket when the span is longer than ACTIVITY_MAX_BUCKETS minutes).
 */
export function activityBuckets(
  from: Date,
  to: Date,
  perMinute: readonly { minute: Date; messages: number }[],
): ReportActivityBucketDto[] {
  const start = minuteOf(from.getTime());
  const end = minuteOf(Math.max(from.getTime(), to.getTime()));
  const minutes = Math.floor((end - start) / 60_000) + 1;
  const width = Math.max(1, Math.ceil(minutes / ACTIVITY_MAX_BUCKETS)) * 60_000;
  const count = Math.floor((end - start) / width) + 1;
  const buckets = Array.from({ length: count }, (_, i) => ({
    at: new Date(start + i * width).toISOString(),
    messages: 0,
  }));
  for (const { minute, messages } of perMinute) {
    const index = Math.floor((minuteOf(minute.getTime()) - start) / width);
    const bucket = buckets[index];
    if (bucket) bucket.messages += messages;
  }
  return buckets;
}

/** Peak and mean (rounded) of viewer samples, null without any. */
export function viewerStats(samples: readonly ReportViewerSampleDto[]): {
  peak: number | null;
  average: number | null;
} {
  if (samples.length === 0) return { peak: null, average: null };
  const total = samples.reduce((sum, sample) => sum + sample.viewers, 0);
  return {
    peak: Math.max(...samples.map((sample) => sample.viewers)),
    average: Math.round(total / samples.length),
  };
}

/** Decimal strings added exactly in cents ("4.99" + "0.01" = "5.00"). */
export function addMoney(a: string, b: string): string {
  const cents = (value: string): bigint => {
    const [whole = '0', fraction = ''] = value.split('.');
    return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  };
  const sum = cents(a) + cents(b);
  const fraction = (sum % 100n).toString().padStart(2, '0');
  return `${sum / 100n}.${fraction}`;
}

/** Donation amounts per currency, summed exactly. */
export function donationTotals(
  amounts: readonly { amount: string; currency: string }[],
): Record<string, string> {
  const totals: Record<string, string> = {};
  for (const { amount, currency } of amounts) {
    totals[currency] = addMoney(totals[currency] ?? '0', amount);
  }
  return totals;
}

/** Whole seconds between two times, never negative. */
export function durationSeconds(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}
