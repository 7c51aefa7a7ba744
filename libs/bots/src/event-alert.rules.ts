import {
  ALERT_DEFAULT_DURATION_MS,
  type ChatEvent,
  EVENT_ALERT_KINDS,
  EVENT_ALERT_PLACEHOLDERS,
  type EventAlertKind,
  type EventAlertPlaceholder,
} from '@podium/contracts';

/** The editable part of an event alert's settings (what `PUT .../bots/alerts/:kind` stores). */
export interface EventAlertConfig {
  enabled: boolean;
  chatTemplate: string;
  alertTemplate: string;
  mediaId: string | null;
  soundMediaId: string | null;
  durationMs: number;
  minAmount: number;
}

const DEFAULT_TEMPLATES: Record<EventAlertKind, { chat: string; alert: string }> = {
  follow: { chat: 'Thanks for the follow, {user}!', alert: '{user} just followed!' },
  subscription: { chat: 'Thanks for subscribing, {user}!', alert: '{user} subscribed!' },
  gift: { chat: '{user} gifted {count} subs, thank you!', alert: '{user} gifted {count} subs!' },
  cheer: { chat: 'Thanks for the {amount} bits, {user}!', alert: '{user} cheered {amount} bits!' },
  raid: { chat: '{user} is raiding with {viewers} viewers, welcome!', alert: '{user} raids with {viewers}!' },
  donation: {
    chat: 'Thank you for the {amount} {currency}, {user}!',
    alert: '{user} donated {amount} {currency}!',
  },
};

/**
 * What a workspace gets for a kind before an organizer saves anything: friendly lines, but off, so
 * connecting a channel (or upgrading Podium) never starts talking in a live chat unasked.
 */
export function defaultEventAlertConfig(kind: EventAlertKind): EventAlertConfig {
  return {
    enabled: false,
    chatTemplate: DEFAULT_TEMPLATES[kind].chat,
    alertTemplate: DEFAULT_TEMPLATES[kind].alert,
    mediaId: null,
    soundMediaId: null,
    durationMs: ALERT_DEFAULT_DURATION_MS,
    minAmount: 0,
  };
}

/** The alert kind a chat event raises, or null for events that have none (messages, joins…). */
export function eventAlertKindOf(event: Pick<ChatEvent, 'kind'>): EventAlertKind | null {
  return (EVENT_ALERT_KINDS as readonly string[]).includes(event.kind)
    ? (event.kind as EventAlertKind)
    : null;
}

/**
 * The number the minimum is compared with: bits, money (in its own currency), raid viewers, gifted
 * subscriptions. Null for kinds without one (follow, subscription), which always pass.
 */
export function eventAlertAmount(kind: EventAlertKind, event: Pick<ChatEvent, 'amounts'>): number | null {
  const amounts = event.amounts ?? {};
  switch (kind) {
    case 'cheer':
      return amounts.bits ?? 0;
    case 'donation': {
      const value = Number(amounts.money?.amount ?? 0);
      return Number.isFinite(value) ? value : 0;
    }
    case 'raid':
      return amounts.raidViewers ?? 0;
    case 'gift':
      return amounts.giftCount ?? 1;
    case 'follow':
    case 'subscription':
      return null;
  }
}

/** Whether the event fires at all: enabled, and at or above the minimum where one applies. */
export function eventAlertFires(
  config: Pick<EventAlertConfig, 'enabled' | 'minAmount'>,
  kind: EventAlertKind,
  event: Pick<ChatEvent, 'amounts'>,
): boolean {
  if (!config.enabled) return false;
  const amount = eventAlertAmount(kind, event);
  return amount === null || amount >= config.minAmount;
}

/** Twitch names tiers "1000"/"2000"/"3000"; people say 1, 2, 3. Other platforms' names pass through. */
function tierName(tier: string | undefined): string {
  if (!tier) return '';
  const twitch = /^([123])000$/.exec(tier);
  return twitch?.[1] ?? tier;
}

/** The values an event fills into `{user}`, `{amount}`, `{count}`, … (empty when it has none). */
export function eventAlertValues(
  kind: EventAlertKind,
  event: Pick<ChatEvent, 'viewer' | 'amounts' | 'text' | 'detail'>,
): Record<EventAlertPlaceholder, string> {
  const amounts = event.amounts ?? {};
  const detailName = event.detail?.['displayName'];
  const user =
    event.viewer?.displayName ?? (typeof detailName === 'string' && detailName ? detailName : 'Someone');
  const amount = eventAlertAmount(kind, event);
  const amountText =
    kind === 'donation' ? (amounts.money?.amount ?? '') : amount === null ? '' : String(amount);
  return {
    user,
    amount: amountText,
    count: amounts.giftCount !== undefined ? String(amounts.giftCount) : kind === 'gift' ? '1' : '',
    tier: tierName(amounts.tier),
    months: amounts.months !== undefined ? String(amounts.months) : '',
    viewers: amounts.raidViewers !== undefined ? String(amounts.raidViewers) : '',
    currency: amounts.money?.currency ?? '',
    message: event.text ?? '',
  };
}

const PLACEHOLDER = new RegExp(`\\{(${EVENT_ALERT_PLACEHOLDERS.join('|')})\\}`, 'g');

/**
 * Fills a template in one pass: values are inserted as they are and never re-scanned, so a
 * viewer named `{amount}` stays `{amount}`. Unknown placeholders are left as typed.
 */
export function renderEventAlertTemplate(
  template: string,
  values: Record<EventAlertPlaceholder, string>,
): string {
  return template.replace(PLACEHOLDER, (_, name: EventAlertPlaceholder) => values[name]).trim();
}

/** Sample values for a test alert, so the organizer sees every placeholder filled. */
export function sampleEventAlertValues(kind: EventAlertKind): Record<EventAlertPlaceholder, string> {
  return eventAlertValues(kind, {
    viewer: { platform: 'inroom', platformUserId: 'test', displayName: 'TestViewer', roles: [] },
    amounts: {
      bits: 100,
      money: { amount: '5.00', currency: 'USD' },
      giftCount: 5,
      raidViewers: 42,
      tier: '1000',
      months: 3,
    },
    text: 'This is a test',
  });
}
