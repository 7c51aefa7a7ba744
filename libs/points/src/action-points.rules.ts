import type { ActionPointsSettingsDto, ChatEventAmounts, LedgerReason, Platform } from '@podium/contracts';

/** The chat event kinds that earn action points (Ko-fi is credited by its own integration). */
export const ACTION_EVENT_KINDS = ['follow', 'subscription', 'gift', 'cheer', 'raid', 'donation'] as const;
export type ActionEventKind = (typeof ACTION_EVENT_KINDS)[number];

/** The ledger reason each action is credited with. */
export const ACTION_REASON = {
  follow: 'follow',
  subscription: 'subscription',
  gift: 'gift',
  cheer: 'cheer',
  raid: 'raid',
  donation: 'donation',
} as const satisfies Record<ActionEventKind, LedgerReason>;

/** No single credit exceeds this, whatever the settings and amounts multiply to. */
export const ACTION_CREDIT_MAX = 1_000_000_000;

/** What an action is worth, read from the event as recorded. */
export interface ActionInput {
  kind: ActionEventKind;
  platform: Platform;
  amounts?: ChatEventAmounts;
}

export interface ActionCredit {
  reason: LedgerReason;
  /** Positive integer. */
  amount: number;
}

/**
 * The points an action earns, or null when it earns none (setting at 0, nothing to count,
 * a platform without that notion). Pure: the caller credits it through the ledger once per event.
 */
export function actionCredit(settings: ActionPointsSettingsDto, input: ActionInput): ActionCredit | null {
  const amount = clampCredit(rawAmount(settings, input));
  return amount > 0 ? { reason: ACTION_REASON[input.kind], amount } : null;
}

function rawAmount(settings: ActionPointsSettingsDto, { kind, platform, amounts }: ActionInput): number {
  switch (kind) {
    case 'follow':
      return settings.follow;
    case 'subscription': {
      const tier = subscriptionTier(platform, amounts?.tier);
      if (tier === null) return 0;
      return (
        [settings.subscriptionTier1, settings.subscriptionTier2, settings.subscriptionTier3][tier - 1] ?? 0
      );
    }
    case 'gift':
      return settings.perGiftedSub * positiveInt(amounts?.giftCount ?? 1);
    case 'cheer':
      return Math.floor((positiveInt(amounts?.bits) * settings.per100Bits) / 100);
    case 'raid':
      return settings.perRaidViewer * positiveInt(amounts?.raidViewers);
    case 'donation':
      return amounts?.money ? moneyPoints(amounts.money.amount, settings.perMoneyUnit) : 0;
  }
}

/** A short note for the ledger entry, saying what was counted ("250 bits", "raid of 30"). */
export function actionNote({ kind, platform, amounts }: ActionInput): string {
  switch (kind) {
    case 'follow':
      return 'follow';
    case 'subscription': {
      const tier = subscriptionTier(platform, amounts?.tier);
      return tier === null ? 'subscription' : `subscription, tier ${tier}`;
    }
    case 'gift': {
      const count = positiveInt(amounts?.giftCount ?? 1);
      return `${count} gifted sub${count === 1 ? '' : 's'}`;
    }
    case 'cheer':
      return `${positiveInt(amounts?.bits)} bits`;
    case 'raid':
      return `raid of ${positiveInt(amounts?.raidViewers)}`;
    case 'donation':
      return amounts?.money ? `donation of ${amounts.money.amount} ${amounts.money.currency}` : 'donation';
  }
}

/**
 * The tier a subscription pays at: Twitch names tiers "1000" | "2000" | "3000" (Prime is "1000");
 * YouTube membership levels (any name) pay tier 1, as does anything unrecognised; platforms without
 * subscriptions (Owncast, in-room) pay none.
 */
export function subscriptionTier(platform: Platform, tier: string | undefined): 1 | 2 | 3 | null {
  switch (platform) {
    case 'owncast':
    case 'inroom':
      return null;
    case 'youtube':
      return 1;
    case 'twitch':
    case 'rehearsal':
      if (tier?.trim() === '2000') return 2;
      if (tier?.trim() === '3000') return 3;
      return 1;
  }
}

/**
 * `amount` (a decimal string as platforms report money, "4.99") times `perUnit`, pro rata and
 * rounded down, computed exactly (no float cents): "4.99" at 100 → 499, at 1 → 4.
 * Anything that is not a plain non-negative decimal earns 0.
 */
export function moneyPoints(amount: string, perUnit: number): number {
  const match = /^(\d{1,15})(?:\.(\d{1,10}))?$/.exec(amount.trim());
  if (!match || !Number.isInteger(perUnit) || perUnit <= 0) return 0;
  const fraction = match[2] ?? '';
  const scaled = BigInt(match[1] + fraction) * BigInt(perUnit);
  const points = scaled / 10n ** BigInt(fraction.length);
  return points > BigInt(ACTION_CREDIT_MAX) ? ACTION_CREDIT_MAX : Number(points);
}

/**
 * Meeting points (quiz points and flag captures) converted to stream points at `rate` (stream
 * points per meeting point, may be fractional), rounded down; 0 when the rate is off.
 */
export function meetingPointsCredit(meetingPoints: number, rate: number): number {
  if (!(rate > 0) || !(meetingPoints > 0)) return 0;
  // Rates are entered with a few decimals: round the product to 6 places before flooring, so
  // 3 × 0.1 is 0.3 and not 0.30000000000000004 (or 0.29999…).
  return clampCredit(Math.floor(Math.round(meetingPoints * rate * 1e6) / 1e6));
}

function positiveInt(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function clampCredit(amount: number): number {
  if (!Number.isFinite(amount) || amount <= 0) return 0;
  return Math.min(Math.floor(amount), ACTION_CREDIT_MAX);
}
