import { useQueryClient } from '@tanstack/react-query';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { connectPointsLive } from '../api/points-live';
import { pointsRefreshKeys } from '../api/points.api';
import { createPointsRefresher } from '../model/points-refresh';

/** How often, at most, the Points page refetches what balance changes touched. */
export const POINTS_REFRESH_MS = 1_000;

/** Keeps the Points page's balances, leaderboard and histories current while it is open. */
export function usePointsLive(workspaceId: string): void {
  const queryClient = useQueryClient();
  useOrganizerSocket(
    (socket) => {
      const refresher = createPointsRefresher(POINTS_REFRESH_MS, (change) => {
        for (const queryKey of pointsRefreshKeys(workspaceId, change)) {
          void queryClient.invalidateQueries({ queryKey });
        }
      });
      const stop = connectPointsLive(socket, workspaceId, (change) => refresher.add(change));
      return () => {
        stop();
        refresher.stop();
      };
    },
    [workspaceId, queryClient],
  );
}
