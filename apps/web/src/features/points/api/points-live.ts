import type { ServerToClientEvents } from '@podium/contracts';
import type { PodiumSocket } from '@/shared/socket/socket.client';
import type { PointsRefresh } from '../model/points-refresh';
import { listenTo } from '@/shared/socket/listen-to';

type ListenerTable = Pick<ServerToClientEvents, 'session.ready' | 'points.changed'>;

/**
 * Reports this workspace's balance changes from the organizer socket: the viewers of each
 * `points.changed` push, and 'all' after a reconnect (pushes sent while away reached nobody). The
 * socket is shared: the returned stop removes only the listeners added here.
 */
export function connectPointsLive(
  socket: PodiumSocket,
  workspaceId: string,
  onChange: (change: PointsRefresh) => void,
): () => void {
  const handlers: ListenerTable = {
    'session.ready': () => onChange('all'),
    'points.changed': (payload) => {
      if (payload.workspaceId !== workspaceId || payload.changes.length === 0) return;
      onChange({ viewerIds: payload.changes.map((change) => change.viewerId) });
    },
  };
  return listenTo(socket, handlers);
}
