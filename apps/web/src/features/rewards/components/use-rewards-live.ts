import type { GoalProgressDto, VoteTallyDto } from '@podium/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { connectRewardsLive, type RewardsLive, type RewardsLiveStores } from '../api/rewards-live';
import { fetchPendingQueue, rewardsKeys } from '../api/rewards.api';
import { createQueueStore } from '../model/queue.store';
import { createVersionedStore } from '../model/versioned.store';

/** The page's live stores (queue, goals, votes), fed by the organizer socket while mounted. */
export function useRewardsLive(workspaceId: string) {
  const [stores] = useState<RewardsLiveStores>(() => ({
    queue: createQueueStore(),
    goals: createVersionedStore<GoalProgressDto>(),
    votes: createVersionedStore<VoteTallyDto>(),
  }));
  const [loadError, setLoadError] = useState<unknown>(null);
  const queryClient = useQueryClient();
  const live = useRef<RewardsLive | null>(null);
  useOrganizerSocket(
    (socket) => {
      const connection = connectRewardsLive(socket, stores, workspaceId, {
        loadQueue: async () => {
          const page = await fetchPendingQueue(workspaceId);
          setLoadError(null);
          return page.redemptions;
        },
        onQueueError: setLoadError,
        onRewardsChanged: () =>
          void queryClient.invalidateQueries({ queryKey: rewardsKeys.list(workspaceId) }),
      });
      live.current = connection;
      return () => {
        connection.stop();
        live.current = null;
      };
    },
    [workspaceId, stores, queryClient],
  );
  const resync = useCallback(() => void live.current?.resync(), []);
  return { stores, loadError, resync };
}
