import type { ChatEvent, ChatEventKind, ChatMoney } from '@podium/contracts';

/** The kinds shown as a one-line marker rather than a chat line. */
export type MarkerKind = Exclude<ChatEventKind, 'message'>;

/** Which sentence (`chat.marker.<key>`) tells the event, with the values it needs. */
export type MarkerKey =
  | 'follow'
  | 'subscribed'
  | 'resubscribed'
  | 'gift'
  | 'cheer'
  | 'raid'
  | 'donation'
  | 'redemption'
  | 'redemptionPoints'
  | 'join'
  | 'part'
  | 'rename'
  | 'streamOnline'
  | 'streamOffline'
  | 'streamUpdated'
  | 'streamUpdatedNoTitle';

export interface MarkerSummary {
  key: MarkerKey;
  /** The viewer's name; null for channel events and anonymous gifts (the view says "Someone"). */
  name: string | null;
  /** Plural count for the sentence (months, gifts, bits, raiders). */
  count?: number;
  money?: ChatMoney;
  points?: number;
  /** From `detail`: the reward, the old name, the new stream title. */
  reward?: string;
  previous?: string;
  title?: string;
  /** Subscription tier as a short label ("1", "2", "3", or a YouTube level name). */
  tier?: string;
}

/**
 * Names the adapters may use in `detail` for each thing the summary shows; the first present wins.
 * The contract leaves `detail` open, so the common spellings are all read.
 */
const DETAIL_KEYS = {
  reward: ['rewardTitle', 'reward', 'title'],
  previous: ['previousName', 'oldName', 'previousDisplayName', 'oldDisplayName'],
  title: ['title', 'streamTitle'],
} as const;

function detailText(event: ChatEvent, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = event.detail?.[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Twitch tiers are "1000" / "2000" / "3000"; other platforms name theirs. */
export function tierLabel(tier: string | undefined): string | undefined {
  if (!tier) return undefined;
  const twitch = /^([123])000$/.exec(tier);
  return twitch ? twitch[1] : tier;
}

/** The one-line summary of a non-message event. */
export function markerSummary(event: ChatEvent & { kind: MarkerKind }): MarkerSummary {
  const name = event.viewer?.displayName ?? null;
  const amounts = event.amounts ?? {};
  const tier = tierLabel(amounts.tier);
  switch (event.kind) {
    case 'follow':
      return { key: 'follow', name };
    case 'subscription':
      return amounts.months && amounts.months > 1
        ? { key: 'resubscribed', name, count: amounts.months, tier }
        : { key: 'subscribed', name, tier };
    case 'gift':
      return { key: 'gift', name, count: amounts.giftCount ?? 1, tier };
    case 'cheer':
      return { key: 'cheer', name, count: amounts.bits ?? 0 };
    case 'raid':
      return { key: 'raid', name, count: amounts.raidViewers ?? 0 };
    case 'donation':
      return { key: 'donation', name, money: amounts.money, tier };
    case 'redemption': {
      const reward = detailText(event, DETAIL_KEYS.reward);
      return amounts.points !== undefined
        ? { key: 'redemptionPoints', name, reward, points: amounts.points }
        : { key: 'redemption', name, reward };
    }
    case 'join':
      return { key: 'join', name };
    case 'part':
      return { key: 'part', name };
    case 'rename':
      return { key: 'rename', name, previous: detailText(event, DETAIL_KEYS.previous) };
    case 'stream_online':
      return { key: 'streamOnline', name };
    case 'stream_offline':
      return { key: 'streamOffline', name };
    case 'stream_updated': {
      const title = detailText(event, DETAIL_KEYS.title);
      return title ? { key: 'streamUpdated', name, title } : { key: 'streamUpdatedNoTitle', name };
    }
  }
}

export function isMarker(event: ChatEvent): event is ChatEvent & { kind: MarkerKind } {
  return event.kind !== 'message';
}

/** "€4.99" in the reader's language; an unknown currency code still shows amount and code. */
export function formatMoney(money: ChatMoney, language: string): string {
  const amount = Number(money.amount);
  if (!Number.isFinite(amount)) return `${money.amount} ${money.currency}`;
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(amount);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}
