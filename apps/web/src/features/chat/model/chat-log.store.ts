import type { ChatEvent } from '@podium/contracts';
import { createStore } from 'zustand';
import { type ChatFilter, matchesFilter, NO_FILTER } from './chat-filter';

/** At most this many events are kept: a busy chat must not grow the page without end. */
export const CHAT_LOG_MAX = 500;
/** Events asked for per page (the contract allows up to 200). */
export const CHAT_PAGE_SIZE = 100;

export type ChatLogStatus = 'loading' | 'ready' | 'error';

export interface ChatLogState {
  filter: ChatFilter;
  /** Oldest first, the way a chat reads; no two with the same id. */
  events: ChatEvent[];
  status: ChatLogStatus;
  error: unknown;
  /** Older events exist on the server (a full page came back, or old ones were let go). */
  hasEarlier: boolean;
  loadingEarlier: boolean;
  /** The reader is at the bottom: new events scroll into view. */
  following: boolean;
  /** Events that arrived while the reader was scrolled up. */
  unseen: number;
  /** Newer events than the last one kept were let go: going back to the bottom reloads. */
  gap: boolean;

  setFilter: (filter: ChatFilter) => void;
  loading: () => void;
  failed: (error: unknown) => void;
  /** The newest page (first load, reload after a reconnect or a gap). */
  latest: (page: readonly ChatEvent[], pageSize: number) => void;
  earlierLoading: (loading: boolean) => void;
  earlier: (page: readonly ChatEvent[], pageSize: number) => void;
  /** A `chat.event` push; false when it was not kept (duplicate, filtered out, or no room). */
  push: (event: ChatEvent) => boolean;
  /** Pushes gathered over a short tick, in one update: a busy chat renders once per tick. */
  pushMany: (events: readonly ChatEvent[]) => number;
  /** Returns true when the newest events must be fetched again (back at the bottom over a gap). */
  setFollowing: (following: boolean) => boolean;
}

const time = (event: ChatEvent) => Date.parse(event.receivedAt) || 0;

/** Union by id, oldest first; the sort is stable, so events received at the same time keep their order. */
export function mergeEvents(kept: readonly ChatEvent[], incoming: readonly ChatEvent[]): ChatEvent[] {
  const seen = new Set(kept.map((event) => event.id));
  const added = incoming.filter((event) => {
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    return true;
  });
  if (added.length === 0) return [...kept];
  return [...kept, ...added].sort((a, b) => time(a) - time(b));
}

/**
 * Keeps the list within CHAT_LOG_MAX. While the reader follows the bottom, the oldest go (they can
 * be paged back); while they read older lines, the newest go instead, so what they read stays put.
 */
function bound(events: ChatEvent[], dropOldest: boolean): { events: ChatEvent[]; dropped: boolean } {
  if (events.length <= CHAT_LOG_MAX) return { events, dropped: false };
  return {
    events: dropOldest ? events.slice(events.length - CHAT_LOG_MAX) : events.slice(0, CHAT_LOG_MAX),
    dropped: true,
  };
}

const initial = {
  filter: NO_FILTER,
  events: [] as ChatEvent[],
  status: 'loading' as ChatLogStatus,
  error: null as unknown,
  hasEarlier: false,
  loadingEarlier: false,
  following: true,
  unseen: 0,
  gap: false,
};

/** The merged chat log of one page: fetched pages and live pushes, without duplicates, bounded. */
export function createChatLogStore() {
  return createStore<ChatLogState>()((set, get) => ({
    ...initial,
    setFilter: (filter) => set({ ...initial, filter }),
    loading: () => set({ status: 'loading', error: null }),
    failed: (error) => set({ status: 'error', error }),
    latest: (page, pageSize) => {
      const { events, following, unseen } = get();
      const full = page.length >= pageSize;
      const keptIds = new Set(events.map((event) => event.id));
      const overlaps = page.some((event) => keptIds.has(event.id));
      if (events.length === 0 || (full && !overlaps)) {
        // Nothing kept, or too much happened since to join up: start again from the newest page.
        const merged = mergeEvents([], page);
        set({
          events: merged.slice(-CHAT_LOG_MAX),
          status: 'ready',
          error: null,
          hasEarlier: full,
          gap: false,
          unseen: 0,
          following: true,
        });
        return;
      }
      const newest = time(events[events.length - 1] as ChatEvent);
      const newer = following ? 0 : page.filter((event) => time(event) > newest).length;
      const bounded = bound(mergeEvents(events, page), following);
      set((state) => ({
        events: bounded.events,
        status: 'ready',
        error: null,
        hasEarlier: state.hasEarlier || (bounded.dropped && following),
        gap: bounded.dropped && !following,
        unseen: following ? 0 : unseen + newer,
      }));
    },
    earlierLoading: (loadingEarlier) => set({ loadingEarlier }),
    earlier: (page, pageSize) => {
      const merged = mergeEvents(get().events, page);
      // Paging back means reading old lines: if the list is full, the newest make room.
      const bounded = bound(merged, false);
      set((state) => ({
        events: bounded.events,
        loadingEarlier: false,
        hasEarlier: page.length >= pageSize,
        gap: state.gap || bounded.dropped,
        following: bounded.dropped ? false : state.following,
      }));
    },
    push: (event) => get().pushMany([event]) > 0,
    pushMany: (incoming) => {
      const { events, filter, following, unseen } = get();
      const seen = new Set(events.map((event) => event.id));
      const fresh = mergeEvents(
        [],
        incoming.filter((event) => matchesFilter(event, filter) && !seen.has(event.id)),
      );
      if (fresh.length === 0) return 0;
      if (!following) {
        // Only what fits without moving what the reader looks at; the rest is counted and fetched
        // on the way back to the bottom.
        const taken = fresh.slice(0, Math.max(0, CHAT_LOG_MAX - events.length));
        set((state) => ({
          events: taken.length ? mergeEvents(events, taken) : events,
          unseen: unseen + fresh.length,
          gap: state.gap || taken.length < fresh.length,
        }));
        return taken.length;
      }
      const bounded = bound(mergeEvents(events, fresh), true);
      set((state) => ({
        events: bounded.events,
        hasEarlier: state.hasEarlier || bounded.dropped,
        unseen: 0,
      }));
      return fresh.length;
    },
    setFollowing: (following) => {
      if (following !== get().following) set(following ? { following, unseen: 0 } : { following });
      return following && get().gap;
    },
  }));
}

export type ChatLogStore = ReturnType<typeof createChatLogStore>;
