import {
  CHAT_EVENT_KINDS,
  type ChatEvent,
  type ChatEventKind,
  type ChatLogQuery,
  PLATFORMS,
  type Platform,
} from '@podium/contracts';

/** What the log shows: one platform or all (null), one kind or all (null). */
export interface ChatFilter {
  platform: Platform | null;
  kind: ChatEventKind | null;
}

export const NO_FILTER: ChatFilter = { platform: null, kind: null };

/** A pushed event belongs in the log only if the server would have returned it for the filter. */
export function matchesFilter(event: ChatEvent, filter: ChatFilter): boolean {
  return (
    (filter.platform === null || event.platform === filter.platform) &&
    (filter.kind === null || event.kind === filter.kind)
  );
}

/** A `<select>` value back to a filter value: '' (or anything unknown) is "all". */
export function platformOrAll(value: string): Platform | null {
  return (PLATFORMS as readonly string[]).includes(value) ? (value as Platform) : null;
}

export function kindOrAll(value: string): ChatEventKind | null {
  return (CHAT_EVENT_KINDS as readonly string[]).includes(value) ? (value as ChatEventKind) : null;
}

/** The `GET …/chat/events` query string for a page of the log. */
export function chatLogSearch(filter: ChatFilter, limit: number, before?: string): string {
  const query: ChatLogQuery = { limit };
  if (filter.platform) query.platform = filter.platform;
  if (filter.kind) query.kind = filter.kind;
  if (before) query.before = before;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  return params.toString();
}
