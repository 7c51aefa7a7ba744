import { useEffect, useMemo, useRef, useState } from 'react';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { chatPageFetcher } from '../api/chat.api';
import type { ChatFilter } from '../model/chat-filter';
import { createChatLogStore } from '../model/chat-log.store';
import { createOutboxStore } from '../model/outbox.store';
import { type ChatLogConnection, connectChatLog } from './chat-log-connection';

export interface ChatLogActions {
  setFilter: (filter: ChatFilter) => void;
  loadEarlier: () => void;
  follow: (following: boolean) => void;
  retry: () => void;
}

/**
 * The chat page's live log and outbox: stores of its own (a new page starts a new log), fed by
 * the organizer socket and the log endpoint. `connectionIds` are the workspace's connections,
 * which outbox pushes are matched against.
 */
export function useChatLog(workspaceId: string, connectionIds: readonly string[]) {
  const [log] = useState(createChatLogStore);
  const [outbox] = useState(createOutboxStore);
  const connection = useRef<ChatLogConnection | null>(null);
  const owned = useRef(new Set(connectionIds));

  useEffect(() => {
    owned.current = new Set(connectionIds);
  }, [connectionIds]);

  useOrganizerSocket(
    (socket) => {
      const live = connectChatLog(
        {
          socket,
          fetchPage: chatPageFetcher(workspaceId),
          ownsConnection: (connectionId) => owned.current.has(connectionId),
        },
        log,
        outbox,
        workspaceId,
      );
      connection.current = live;
      return () => {
        live.stop();
        connection.current = null;
      };
    },
    [workspaceId, log, outbox],
  );

  const actions = useMemo<ChatLogActions>(
    () => ({
      setFilter: (filter) => connection.current?.setFilter(filter),
      loadEarlier: () => void connection.current?.loadEarlier(),
      follow: (following) => connection.current?.follow(following),
      retry: () => void connection.current?.reload(),
    }),
    [],
  );

  return { log, outbox, actions };
}
