import type {
  ActionPointsSettingsDto,
  AdjustPointsRequest,
  BalanceDto,
  BalanceListDto,
  LeaderboardDto,
  LedgerPageDto,
  PointsSettingsDto,
} from '@podium/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import type { PointsRefresh } from '../model/points-refresh';
import type { PointsSettingsRequests } from '../model/points-settings.form';
import {
  balanceSearchQuery,
  historyQuery,
  HISTORY_PAGE_SIZE,
  LEADERBOARD_SIZE,
} from '../model/points-queries';

/** `/workspaces/<id>/points/<rest>`. */
export const pointsPath = (workspaceId: string, ...rest: string[]): string =>
  [`/workspaces/${segment(workspaceId)}/points`, ...rest.map(segment)].join('/');

/** Query keys of the Points page, all under the workspace's `points` prefix. */
export const pointsKeys = {
  settings: (workspaceId: string) => [...queryKeys.points(workspaceId), 'settings'] as const,
  balances: (workspaceId: string) => [...queryKeys.points(workspaceId), 'balances'] as const,
  histories: (workspaceId: string) => [...queryKeys.points(workspaceId), 'history'] as const,
  history: (workspaceId: string, viewerId: string) =>
    [...queryKeys.points(workspaceId), 'history', viewerId] as const,
  leaderboard: (workspaceId: string) => [...queryKeys.points(workspaceId), 'leaderboard'] as const,
};

/** A balance (a search row, or an adjust's answer) only ever changes points: these show it. */
const balanceKeys = (workspaceId: string, viewerId: string) => [
  pointsKeys.balances(workspaceId),
  pointsKeys.history(workspaceId, viewerId),
  pointsKeys.leaderboard(workspaceId),
];

/**
 * What the page refetches for a `points.changed` refresh: the lists once, and the histories of the
 * viewers that changed (all of them when pushes may have been missed).
 */
export function pointsRefreshKeys(
  workspaceId: string,
  change: PointsRefresh,
): readonly (readonly string[])[] {
  const histories =
    change === 'all'
      ? [pointsKeys.histories(workspaceId)]
      : change.viewerIds.map((viewerId) => pointsKeys.history(workspaceId, viewerId));
  return [pointsKeys.balances(workspaceId), pointsKeys.leaderboard(workspaceId), ...histories];
}

export function usePointsSettings(workspaceId: string) {
  return useQuery({
    queryKey: pointsKeys.settings(workspaceId),
    queryFn: ({ signal }) => http.get<PointsSettingsDto>(pointsPath(workspaceId, 'settings'), signal),
  });
}

/** Viewers matching `term` (name or login) with their balances; '' lists the top balances. */
export function useBalances(workspaceId: string, term: string) {
  return useQuery({
    queryKey: [...pointsKeys.balances(workspaceId), term] as const,
    queryFn: ({ signal }) =>
      http.get<BalanceListDto>(`${pointsPath(workspaceId, 'balances')}${balanceSearchQuery(term)}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** One viewer's ledger, newest first, a page at a time. */
export function useHistory(workspaceId: string, viewerId: string) {
  return useInfiniteQuery({
    queryKey: pointsKeys.history(workspaceId, viewerId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      http.get<LedgerPageDto>(
        `${pointsPath(workspaceId, 'viewers', viewerId, 'history')}${historyQuery(pageParam, HISTORY_PAGE_SIZE)}`,
        signal,
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useLeaderboard(workspaceId: string) {
  return useQuery({
    queryKey: pointsKeys.leaderboard(workspaceId),
    queryFn: ({ signal }) =>
      http.get<LeaderboardDto>(`${pointsPath(workspaceId, 'leaderboard')}?limit=${LEADERBOARD_SIZE}`, signal),
  });
}

/** A moderator's manual change; a take below zero is refused (409) and changes nothing. */
export function useAdjustPoints(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AdjustPointsRequest) =>
      http.post<BalanceDto>(pointsPath(workspaceId, 'adjust'), request),
    onSuccess: (_answer, request) => {
      for (const queryKey of balanceKeys(workspaceId, request.viewerId)) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
}

/** Action points and streak bonuses: `/points/action-settings`. */
export function useActionSettings(workspaceId: string) {
  return useQuery({
    queryKey: [...pointsKeys.settings(workspaceId), 'actions'] as const,
    queryFn: ({ signal }) =>
      http.get<ActionPointsSettingsDto>(pointsPath(workspaceId, 'action-settings'), signal),
  });
}

/** Saves both settings bodies (core first; the actions only once the core was accepted). */
export function useSaveAllSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (requests: PointsSettingsRequests) => {
      const core = await http.put<PointsSettingsDto>(pointsPath(workspaceId, 'settings'), requests.core);
      const actions = await http.put<ActionPointsSettingsDto>(
        pointsPath(workspaceId, 'action-settings'),
        requests.actions,
      );
      return { core, actions };
    },
    onSuccess: ({ core, actions }) => {
      queryClient.setQueryData(pointsKeys.settings(workspaceId), core);
      queryClient.setQueryData([...pointsKeys.settings(workspaceId), 'actions'], actions);
    },
  });
}
