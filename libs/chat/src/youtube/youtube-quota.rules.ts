/**
 * YouTube Data API quota: every call costs units from a daily budget (10,000 by default per Google
 * Cloud project) that resets at midnight Pacific Time. Costs from "Quota calculator"
 * (developers.google.com/youtube/v3/determine_quota_cost) and each method's "Quota impact":
 * liveChatMessages.list 5, liveChatMessages.insert 20, channels.list and liveBroadcasts.list 1.
 */
export const YOUTUBE_QUOTA_COST = {
  'channels.list': 1,
  'liveBroadcasts.list': 1,
  'liveChatMessages.list': 5,
  'liveChatMessages.insert': 20,
  /** Moderation: removing a message and banning its author cost 50 units each. */
  'liveChatMessages.delete': 50,
  'liveChatBans.insert': 50,
} as const;
export type YoutubeApiMethod = keyof typeof YOUTUBE_QUOTA_COST;

/** Units spent on one Pacific-time day (`day` is YYYY-MM-DD there). */
export interface YoutubeQuotaUsage {
  day: string;
  used: number;
}

/** Share of the budget polling leaves for sending messages and looking for broadcasts. */
export const YOUTUBE_POLL_RESERVE_SHARE = 0.1;
/** Polling spreads what is left over at most this long (a long stream), or until the reset if sooner. */
export const YOUTUBE_PACE_HORIZON_MS = 4 * 60 * 60 * 1000;
/** Used when a page carries no pollingIntervalMillis. */
export const YOUTUBE_DEFAULT_POLL_INTERVAL_MS = 5_000;
/** Guards against an interval of 0; YouTube's own intervals are seconds. */
export const YOUTUBE_MIN_POLL_INTERVAL_MS = 250;

const PACIFIC = 'America/Los_Angeles';
const pacificParts = new Intl.DateTimeFormat('en-US', {
  timeZone: PACIFIC,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function partsAt(at: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const parts = Object.fromEntries(pacificParts.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
  };
}

/** The quota day `at` falls in: the calendar date in Pacific Time. */
export function pacificDayOf(at: Date): string {
  const { year, month, day } = partsAt(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Offset of Pacific Time from UTC at `at`, in ms (negative: -7 h or -8 h). */
function pacificOffsetMs(at: Date): number {
  const p = partsAt(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** When the quota next resets: the coming midnight in Pacific Time (DST-aware). */
export function nextPacificMidnight(at: Date): Date {
  const { year, month, day } = partsAt(at);
  const midnightAsUtc = Date.UTC(year, month - 1, day + 1);
  // The offset at midnight may differ from now's (DST changes at 2 am): settle it in two steps.
  let guess = midnightAsUtc - pacificOffsetMs(at);
  guess = midnightAsUtc - pacificOffsetMs(new Date(guess));
  return new Date(guess);
}

/** Units used so far today; yesterday's count no longer applies. */
export function youtubeQuotaUsedOn(usage: YoutubeQuotaUsage | null | undefined, at: Date): number {
  return usage && usage.day === pacificDayOf(at) ? usage.used : 0;
}

export function youtubeCanSpend(used: number, budget: number, method: YoutubeApiMethod): boolean {
  return used + YOUTUBE_QUOTA_COST[method] <= budget;
}

export type YoutubePollPlan =
  | { action: 'poll'; delayMs: number }
  /** Not enough budget left for polling today: resume at the reset. */
  | { action: 'pause'; until: Date };

/**
 * When to poll next. Never sooner than YouTube's `pollingIntervalMillis`; slower when the budget
 * would not last: what polling may still spend today (the budget less a reserve for sending) is
 * spread over the shorter of the time to the reset and a long stream. Out of budget → pause.
 */
export function planYoutubePoll(input: {
  now: Date;
  used: number;
  budget: number;
  apiIntervalMs: number | null;
}): YoutubePollPlan {
  const cost = YOUTUBE_QUOTA_COST['liveChatMessages.list'];
  const reserve = Math.ceil(input.budget * YOUTUBE_POLL_RESERVE_SHARE);
  const pollsLeft = Math.floor((input.budget - reserve - input.used) / cost);
  const reset = nextPacificMidnight(input.now);
  if (pollsLeft < 1) return { action: 'pause', until: reset };
  const untilReset = reset.getTime() - input.now.getTime();
  const paceMs = Math.ceil(Math.min(untilReset, YOUTUBE_PACE_HORIZON_MS) / pollsLeft);
  const apiMs = Math.max(
    input.apiIntervalMs ?? YOUTUBE_DEFAULT_POLL_INTERVAL_MS,
    YOUTUBE_MIN_POLL_INTERVAL_MS,
  );
  return { action: 'poll', delayMs: Math.max(apiMs, paceMs) };
}
