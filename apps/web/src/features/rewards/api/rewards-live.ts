import type {
  GoalProgressDto,
  GoalsSnapshotDto,
  RedemptionDto,
  ServerToClientEvents,
  VotesSnapshotDto,
  VoteTallyDto,
} from '@podium/contracts';
import type { PodiumSocket } from '@/shared/socket/socket.client';
import { ACK_TIMEOUT_MS, requestAck } from '@/shared/socket/socket-ack';
import type { QueueStore } from '../model/queue.store';
import type { VersionedStore } from '../model/versioned.store';
import { listenTo } from '@/shared/socket/listen-to';

type ListenerTable = Pick<
  ServerToClientEvents,
  'session.ready' | 'redeem.queue' | 'reward.changed' | 'goal.progress' | 'vote.tally'
>;

export interface RewardsLiveStores {
  queue: QueueStore;
  goals: VersionedStore<GoalProgressDto>;
  votes: VersionedStore<VoteTallyDto>;
}

export interface RewardsLiveCallbacks {
  /** The pending queue over HTTP (its snapshot); a failure keeps what is shown. */
  loadQueue: () => Promise<RedemptionDto[]>;
  onQueueError?: (error: unknown) => void;
  /** A reward, its counter or the categories changed (a redeem moves a counter too). */
  onRewardsChanged?: () => void;
}

export interface RewardsLive {
  /** Reads every snapshot again (after a reconnect, or a clear). */
  resync: () => Promise<void>;
  stop: () => void;
}

/**
 * Keeps the queue, goals and votes live: snapshots now and after each reconnect (pushes sent while
 * away reached nobody), this workspace's pushes in between. The organizer socket is shared: stop
 * removes only the listeners added here.
 */
export function connectRewardsLive(
  socket: PodiumSocket,
  stores: RewardsLiveStores,
  workspaceId: string,
  { loadQueue, onQueueError, onRewardsChanged }: RewardsLiveCallbacks,
): RewardsLive {
  let stopped = false;
  const resync = async () => {
    const [queue, goals, votes] = await Promise.all([
      loadQueue().then(
        (list) => ({ ok: true as const, list }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      requestAck<GoalsSnapshotDto>(!stopped && socket.connected, (done) =>
        socket.timeout(ACK_TIMEOUT_MS).emit('goals.snapshot', { workspaceId }, done),
      ),
      requestAck<VotesSnapshotDto>(!stopped && socket.connected, (done) =>
        socket.timeout(ACK_TIMEOUT_MS).emit('votes.snapshot', { workspaceId }, done),
      ),
    ]);
    if (stopped) return;
    if (queue.ok) stores.queue.getState().snapshot(queue.list);
    else onQueueError?.(queue.error);
    if (goals.ok)
      stores.goals.getState().snapshot(goals.data.goals.filter((g) => g.workspaceId === workspaceId));
    if (votes.ok)
      stores.votes.getState().snapshot(votes.data.votes.filter((v) => v.workspaceId === workspaceId));
  };
  const handlers: ListenerTable = {
    'session.ready': () => void resync(),
    'redeem.queue': (payload) => {
      if (payload.workspaceId !== workspaceId) return;
      stores.queue.getState().patch(payload.redemptions);
      onRewardsChanged?.();
    },
    'reward.changed': (payload) => {
      if (payload.workspaceId === workspaceId) onRewardsChanged?.();
    },
    'goal.progress': ({ goal }) => {
      if (goal.workspaceId === workspaceId) stores.goals.getState().push(goal);
    },
    'vote.tally': ({ tally }) => {
      if (tally.workspaceId === workspaceId) stores.votes.getState().push(tally);
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
