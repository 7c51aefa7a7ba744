import type { ConnectionDto, ServerToClientEvents } from '@podium/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { PodiumSocket } from '@/shared/socket/socket.client';
import { queryKeys } from '@/shared/api/query-keys';
import { noteEvent, removeConnection, upsertConnection } from '../model/connection-list';
import { listenTo } from '@/shared/socket/listen-to';

type ListenerTable = Pick<ServerToClientEvents, 'connection.changed' | 'connection.removed' | 'chat.events'>;

/**
 * Keeps the cached connection list of one workspace current from the organizer socket: status,
 * subscriptions and quota changes, removals, and the time of the last event. The socket is shared
 * (one per tab, every workspace of the organizer): only this workspace's pushes count, and stop
 * removes only the listeners added here. After a reconnect the socket module refetches everything.
 */
export function followConnectionPushes(
  socket: PodiumSocket,
  queryClient: QueryClient,
  workspaceId: string,
): () => void {
  const update = (change: (list: ConnectionDto[] | undefined) => ConnectionDto[] | undefined) =>
    queryClient.setQueryData<ConnectionDto[]>(queryKeys.connections(workspaceId), change);

  const handlers: ListenerTable = {
    'connection.changed': (connection) => {
      if (connection.workspaceId === workspaceId) update((list) => upsertConnection(list, connection));
    },
    'connection.removed': ({ workspaceId: from, connectionId }) => {
      if (from === workspaceId) update((list) => removeConnection(list, connectionId));
    },
    'chat.events': ({ workspaceId: from, events }) => {
      if (from === workspaceId) update((list) => events.reduce(noteEvent, list));
    },
  };
  return listenTo(socket, handlers);
}
