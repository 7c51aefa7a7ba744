import type { ChatEvent, ServerToClientEvents } from '@podium/contracts';
import type { PodiumSocket } from '@/shared/socket/socket.client';
import type { FetchChatPage } from '../api/chat.api';
import type { ChatFilter } from '../model/chat-filter';
import { CHAT_PAGE_SIZE, type ChatLogStore } from '../model/chat-log.store';
import type { OutboxStore } from '../model/outbox.store';
import { listenTo } from '@/shared/socket/listen-to';

type ListenerTable = Pick<ServerToClientEvents, 'session.ready' | 'chat.events' | 'chat.outbox'>;

export interface ChatLogConnection {
  setFilter: (filter: ChatFilter) => void;
  /** Pages back from the oldest event shown. */
  loadEarlier: () => Promise<void>;
  /** The reader reached the bottom (true) or scrolled away from it (false). */
  follow: (following: boolean) => void;
  reload: () => Promise<void>;
  stop: () => void;
}

/** Pushes are gathered this long and applied together: one render per tick, not one per line. */
export const PUSH_TICK_MS = 100;

export interface ChatLogSources {
  socket: PodiumSocket;
  fetchPage: FetchChatPage;
  /** Outbox pushes name a connection, not a workspace: whether it is one of this workspace's. */
  ownsConnection: (connectionId: string) => boolean;
  /** Runs `flush` after a tick (tests pass one that runs it at once). */
  schedule?: (flush: () => void) => () => void;
}

const afterTick = (flush: () => void) => {
  const timer = setTimeout(flush, PUSH_TICK_MS);
  return () => clearTimeout(timer);
};

/**
 * Feeds one page's chat log: the newest page over HTTP now, on every filter change and after each
 * reconnect (`session.ready`: pushes sent while away reached nobody), and `chat.events` pushes in
 * between, gathered over a short tick. Only the answer to the latest request counts, so a slow page never lands on a newer
 * filter. The organizer socket is shared: stop removes only the listeners added here.
 */
export function connectChatLog(
  { socket, fetchPage, ownsConnection, schedule = afterTick }: ChatLogSources,
  log: ChatLogStore,
  outbox: OutboxStore,
  workspaceId: string,
): ChatLogConnection {
  let stopped = false;
  // Bumped by every filter change and reload: older answers are dropped.
  let generation = 0;
  let pending: ChatEvent[] = [];
  let cancelFlush: (() => void) | null = null;

  const flush = () => {
    cancelFlush = null;
    const batch = pending;
    pending = [];
    if (!stopped) log.getState().pushMany(batch);
  };

  const reload = async () => {
    const mine = ++generation;
    const { filter } = log.getState();
    log.getState().loading();
    try {
      const page = await fetchPage(filter, CHAT_PAGE_SIZE);
      if (!stopped && mine === generation) log.getState().latest(page, CHAT_PAGE_SIZE);
    } catch (error) {
      if (!stopped && mine === generation) log.getState().failed(error);
    }
  };

  const loadEarlier = async () => {
    const { events, hasEarlier, loadingEarlier, filter } = log.getState();
    const oldest = events[0];
    if (!oldest || !hasEarlier || loadingEarlier) return;
    const mine = generation;
    log.getState().earlierLoading(true);
    try {
      const page = await fetchPage(filter, CHAT_PAGE_SIZE, oldest.id);
      if (!stopped && mine === generation) log.getState().earlier(page, CHAT_PAGE_SIZE);
    } catch (error) {
      if (!stopped && mine === generation) {
        log.getState().earlierLoading(false);
        log.getState().failed(error);
      }
    }
  };

  const handlers: ListenerTable = {
    'session.ready': () => void reload(),
    'chat.events': ({ workspaceId: from, events }) => {
      if (from !== workspaceId) return;
      pending.push(...events);
      cancelFlush ??= schedule(flush);
    },
    'chat.outbox': ({ messages }) => {
      const mine = messages.filter((message) => ownsConnection(message.connectionId));
      if (mine.length > 0) outbox.getState().upsert(mine);
    },
  };
  const stopListening = listenTo(socket, handlers);
  void reload();

  return {
    setFilter: (filter) => {
      log.getState().setFilter(filter);
      void reload();
    },
    loadEarlier,
    follow: (following) => {
      if (log.getState().setFollowing(following)) void reload();
    },
    reload,
    stop: () => {
      stopped = true;
      cancelFlush?.();
      pending = [];
      stopListening();
    },
  };
}
