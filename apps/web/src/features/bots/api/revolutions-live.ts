import type { RevolutionProgressDto, RevolutionsSnapshotDto, ServerToClientEvents } from '@podium/contracts';
import type { PodiumSocket } from '@/shared/socket/socket.client';
import { ACK_TIMEOUT_MS, requestAck } from '@/shared/socket/socket-ack';
import type { RevolutionsProgressStore } from '../model/revolutions-progress';
import { listenTo } from '@/shared/socket/listen-to';

type ListenerTable = Pick<ServerToClientEvents, 'session.ready' | 'revolution.progress'>;

export interface RevolutionsLive {
  /** Asks for the snapshot again (after a create or an edit). */
  resync: () => Promise<void>;
  stop: () => void;
}

/**
 * Keeps the store live: the snapshot now and after each reconnect (pushes sent while away reached
 * nobody), `revolution.progress` pushes of this workspace in between. The organizer socket is
 * shared: stop removes only the listeners added here.
 */
export function connectRevolutionsProgress(
  socket: PodiumSocket,
  store: RevolutionsProgressStore,
  workspaceId: string,
  onServerTime?: (serverTime: string) => void,
): RevolutionsLive {
  let stopped = false;
  const resync = async () => {
    const ack = await requestAck<RevolutionsSnapshotDto>(!stopped && socket.connected, (done) =>
      socket.timeout(ACK_TIMEOUT_MS).emit('revolutions.snapshot', { workspaceId }, done),
    );
    if (stopped || !ack.ok) return;
    store.getState().snapshot(ack.data.revolutions.filter((item) => item.workspaceId === workspaceId));
    onServerTime?.(ack.data.serverTime);
  };
  const handlers: ListenerTable = {
    'session.ready': () => void resync(),
    'revolution.progress': (progress: RevolutionProgressDto) => {
      if (progress.workspaceId === workspaceId) store.getState().push(progress);
    },
  };
  const stopListening = listenTo(socket, handlers);
  void resync();
  return {
    resync,
    stop: () => {
      stopped = true;
      stopListening();
    },
  };
}
