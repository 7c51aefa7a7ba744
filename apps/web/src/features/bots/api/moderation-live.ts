import type { ServerToClientEvents } from '@podium/contracts';
import type { PodiumSocket } from '@/shared/socket/socket.client';
import {
  MODERATION_LOG_PAGE_SIZE,
  type ModerationLogStore,
  oldestEntryId,
} from '../model/moderation-log.store';
import type { FetchModerationLogPage } from './moderation.api';
import { listenTo } from '@/shared/socket/listen-to';

type ListenerTable = Pick<ServerToClientEvents, 'session.ready' | 'moderation.logged'>;

export interface ModerationLogLive {
  loadOlder: () => Promise<void>;
  reload: () => Promise<void>;
  stop: () => void;
}

/**
 * Feeds the moderation log: the newest page now and after every reconnect, `moderation.logged`
 * pushes of this workspace in between, and older pages on demand. Only the latest reload's answer
 * counts. The organizer socket is shared: stop removes only the listeners added here.
 */
export function connectModerationLog(
  socket: PodiumSocket,
  fetchPage: FetchModerationLogPage,
  store: ModerationLogStore,
  workspaceId: string,
  pageSize = MODERATION_LOG_PAGE_SIZE,
): ModerationLogLive {
  let stopped = false;
  let generation = 0;

  const reload = async () => {
    const mine = ++generation;
    store.getState().loading();
    try {
      const page = await fetchPage(pageSize);
      if (!stopped && mine === generation) store.getState().latest(page.entries, pageSize);
    } catch (error) {
      if (!stopped && mine === generation) store.getState().failed(error);
    }
  };

  const loadOlder = async () => {
    const state = store.getState();
    const before = oldestEntryId(state);
    if (!before || !state.hasOlder || state.loadingOlder) return;
    state.olderLoading(true);
    try {
      const page = await fetchPage(pageSize, before);
      if (!stopped) store.getState().older(page.entries, pageSize);
    } catch (error) {
      if (!stopped) store.getState().failed(error);
    }
  };

  const handlers: ListenerTable = {
    'session.ready': () => void reload(),
    'moderation.logged': (entry) => {
      if (entry.workspaceId === workspaceId) store.getState().pushed(entry);
    },
  };
  const stopListening = listenTo(socket, handlers);
  void reload();

  return {
    loadOlder,
    reload,
    stop: () => {
      stopped = true;
      stopListening();
    },
  };
}
