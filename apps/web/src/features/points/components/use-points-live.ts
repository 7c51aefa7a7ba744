import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { holdLiveConnection, organizerSocket } from '@/shared/socket/socket.client';
import { connectPointsLive } from '../api/points-live';
import { balanceKeys, pointsKeys } from '../api/points.api';
import { createPointsRefresher } from '../model/points-refresh';

/** How often, at most, the Points page refetches what balance changes touched. */
export const POINTS_REFRESH_MS = 1_000;

/** Keeps the Points page's balances, leaderboard and histories current while it is open. */
export function usePointsLive(workspaceId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const release = holdLiveConnection();
    const socket = organizerSocket();
    if (!socket) return release;
    const refresher = createPointsRefresher(POINTS_REFRESH_MS, (change) => {
      const keys =
        change === 'all'
          ? [
              pointsKeys.balances(workspaceId),
              pointsKeys.leaderboard(workspaceId),
              pointsKeys.histories(workspaceId),
            ]
          : change.viewerIds.flatMap((viewerId) => balanceKeys(workspaceId, viewerId));
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    });
    const stop = connectPointsLive(socket, workspaceId, (change) => refresher.add(change));
    return () => {
      stop();
      refresher.stop();
      release();
    };
  }, [workspaceId, queryClient]);
}
