import type { ChatEventInput, ChatMoney, ChatViewerIdentity, ViewerRole } from '@podium/contracts';
import {
  type YoutubeAuthorDetails,
  type YoutubeLiveChatMessage,
  YoutubeLiveChatMessageSchema,
  YoutubeLiveChatPageSchema,
} from './youtube-api.schemas';

/** What one liveChatMessage becomes: an event, the end-of-chat signal, or nothing Podium records. */
export type YoutubeChatItemResult =
  | { status: 'event'; type: string; event: ChatEventInput }
  | { status: 'chat_ended'; id: string }
  | { status: 'ignored'; id: string; type: string }
  | { status: 'invalid'; id: string | null; message: string };

export interface YoutubeChatPage {
  events: ChatEventInput[];
  /** A chatEndedEvent arrived or `offlineAt` is set: stop polling this chat. */
  chatEnded: boolean;
  nextPageToken: string | null;
  pollingIntervalMillis: number | null;
  /** Items that failed their schema; logged by the caller, never retried (they would fail again). */
  invalid: { id: string | null; message: string }[];
  ignored: number;
}

export type YoutubeChatPageResult =
  { status: 'page'; page: YoutubeChatPage } | { status: 'invalid'; message: string };

/**
 * Normalizes one page of liveChatMessages.list. The page itself must be well formed (an `items`
 * array); an item that is not is reported in `invalid` and skipped, the rest of the page counts.
 */
export function normalizeYoutubeChatPage(body: unknown): YoutubeChatPageResult {
  const parsed = YoutubeLiveChatPageSchema.safeParse(body);
  if (!parsed.success) return { status: 'invalid', message: describeIssues(parsed.error) };
  const page: YoutubeChatPage = {
    events: [],
    chatEnded: parsed.data.offlineAt !== undefined,
    nextPageToken: parsed.data.nextPageToken ?? null,
    pollingIntervalMillis: parsed.data.pollingIntervalMillis ?? null,
    invalid: [],
    ignored: 0,
  };
  for (const item of parsed.data.items) {
    const result = normalizeYoutubeChatItem(item);
    switch (result.status) {
      case 'event':
        page.events.push(result.event);
        break;
      case 'chat_ended':
        page.chatEnded = true;
        break;
      case 'ignored':
        page.ignored += 1;
        break;
      case 'invalid':
        page.invalid.push({ id: result.id, message: result.message });
        break;
    }
  }
  return { status: 'page', page };
}

/**
 * One liveChatMessage → ChatEventInput. Mapping (snippet.type → kind):
 * textMessageEvent → message; superChatEvent and superStickerEvent → donation (money from
 * amountMicros/currency, `tier` the Super Chat tier); newSponsorEvent → subscription (tier =
 * memberLevelName); memberMilestoneChatEvent → subscription with `months` and the viewer's text;
 * membershipGiftingEvent → gift (giftCount, tier = level gifted); giftMembershipReceivedEvent →
 * subscription with `detail.gifted` (like a Twitch gifted sub: the recipient's side of a gift).
 * chatEndedEvent is a signal. Moderation and system items (deletions, bans, polls, sponsor-only
 * mode, tombstones) are not viewer actions Podium records.
 */
export function normalizeYoutubeChatItem(raw: unknown): YoutubeChatItemResult {
  const parsed = YoutubeLiveChatMessageSchema.safeParse(raw);
  if (!parsed.success) return { status: 'invalid', id: idOf(raw), message: describeIssues(parsed.error) };
  const item = parsed.data;
  const { snippet } = item;
  if (snippet.type === 'chatEndedEvent') return { status: 'chat_ended', id: item.id };
  if (!RECORDED_TYPES.has(snippet.type)) return { status: 'ignored', id: item.id, type: snippet.type };
  if (!item.authorDetails) return invalidItem(item, 'authorDetails is missing (request part=authorDetails)');
  const base = {
    externalId: item.id,
    viewer: viewerOf(item.authorDetails),
    occurredAt: new Date(snippet.publishedAt).toISOString(),
  };
  switch (snippet.type) {
    case 'textMessageEvent': {
      const text = snippet.textMessageDetails?.messageText ?? snippet.displayMessage;
      if (text === undefined) return invalidItem(item, 'textMessageDetails.messageText is missing');
      return eventOf(item, { ...base, kind: 'message', ...textOf(text) });
    }
    case 'superChatEvent': {
      const details = snippet.superChatDetails;
      if (!details) return invalidItem(item, 'superChatDetails is missing');
      return eventOf(item, {
        ...base,
        kind: 'donation',
        ...(details.userComment ? textOf(details.userComment) : {}),
        amounts: {
          money: youtubeMoneyOf(details.amountMicros, details.currency),
          ...(details.tier !== undefined ? { tier: String(details.tier) } : {}),
        },
        detail: { source: 'super_chat', amountDisplay: details.amountDisplayString ?? null },
      });
    }
    case 'superStickerEvent': {
      const details = snippet.superStickerDetails;
      if (!details) return invalidItem(item, 'superStickerDetails is missing');
      return eventOf(item, {
        ...base,
        kind: 'donation',
        amounts: {
          money: youtubeMoneyOf(details.amountMicros, details.currency),
          ...(details.tier !== undefined ? { tier: String(details.tier) } : {}),
        },
        detail: {
          source: 'super_sticker',
          amountDisplay: details.amountDisplayString ?? null,
          stickerId: details.superStickerMetadata?.stickerId ?? null,
          stickerAltText: details.superStickerMetadata?.altText ?? null,
        },
      });
    }
    case 'newSponsorEvent': {
      const details = snippet.newSponsorDetails;
      return eventOf(item, {
        ...base,
        kind: 'subscription',
        ...(details?.memberLevelName ? { amounts: { tier: details.memberLevelName } } : {}),
        detail: { upgrade: details?.isUpgrade ?? false },
      });
    }
    case 'memberMilestoneChatEvent': {
      const details = snippet.memberMilestoneChatDetails;
      return eventOf(item, {
        ...base,
        kind: 'subscription',
        ...(details?.userComment ? textOf(details.userComment) : {}),
        amounts: {
          ...(details?.memberMonth !== undefined ? { months: details.memberMonth } : {}),
          ...(details?.memberLevelName ? { tier: details.memberLevelName } : {}),
        },
        detail: { milestone: true },
      });
    }
    case 'membershipGiftingEvent': {
      const details = snippet.membershipGiftingDetails;
      if (!details) return invalidItem(item, 'membershipGiftingDetails is missing');
      return eventOf(item, {
        ...base,
        kind: 'gift',
        amounts: {
          giftCount: details.giftMembershipsCount,
          ...(details.giftMembershipsLevelName ? { tier: details.giftMembershipsLevelName } : {}),
        },
      });
    }
    case 'giftMembershipReceivedEvent': {
      const details = snippet.giftMembershipReceivedDetails;
      return eventOf(item, {
        ...base,
        kind: 'subscription',
        ...(details?.memberLevelName ? { amounts: { tier: details.memberLevelName } } : {}),
        detail: {
          gifted: true,
          gifterChannelId: details?.gifterChannelId ?? null,
          giftEventId: details?.associatedMembershipGiftingMessageId ?? null,
        },
      });
    }
    default:
      return { status: 'ignored', id: item.id, type: snippet.type };
  }
}

const RECORDED_TYPES: ReadonlySet<string> = new Set([
  'textMessageEvent',
  'superChatEvent',
  'superStickerEvent',
  'newSponsorEvent',
  'memberMilestoneChatEvent',
  'membershipGiftingEvent',
  'giftMembershipReceivedEvent',
]);

/** The chat owner is the broadcaster; sponsors are channel members (YouTube has no "subscriber" badge in chat). */
export function youtubeRolesOf(author: YoutubeAuthorDetails): ViewerRole[] {
  const roles: ViewerRole[] = [];
  if (author.isChatOwner) roles.push('broadcaster');
  if (author.isChatModerator) roles.push('moderator');
  if (author.isChatSponsor) roles.push('member');
  return roles;
}

function viewerOf(author: YoutubeAuthorDetails): ChatViewerIdentity {
  return {
    platform: 'youtube',
    platformUserId: author.channelId,
    displayName: author.displayName,
    roles: youtubeRolesOf(author),
  };
}

/**
 * Micros (1/1,000,000 of the currency unit) as a decimal string with the currency's usual number
 * of decimals ("5.00" USD, "500" JPY); extra precision is kept rather than rounded away.
 */
export function youtubeMoneyOf(amountMicros: string | number, currency: string): ChatMoney {
  const micros = BigInt(amountMicros);
  const whole = micros / 1_000_000n;
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  const digits = Math.max(currencyDigits(currency), fraction.length);
  const decimals = fraction.padEnd(digits, '0');
  return { amount: digits === 0 ? whole.toString() : `${whole}.${decimals}`, currency };
}

function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

function textOf(text: string): Pick<ChatEventInput, 'text' | 'fragments'> {
  // The API gives no emote positions: YouTube emoji arrive as text (":hand-pink-waving:").
  return { text, fragments: text === '' ? [] : [{ type: 'text', text }] };
}

function eventOf(item: YoutubeLiveChatMessage, event: ChatEventInput): YoutubeChatItemResult {
  return { status: 'event', type: item.snippet.type, event };
}

function invalidItem(item: YoutubeLiveChatMessage, message: string): YoutubeChatItemResult {
  return { status: 'invalid', id: item.id, message: `${item.snippet.type}: ${message}` };
}

function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' ? id.slice(0, 300) : null;
}

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path} ${issue.message}` : issue.message;
}
