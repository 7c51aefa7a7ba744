import type {
  PanelGoalsDto,
  PanelHistoryDto,
  PanelKofiLinkDto,
  PanelKofiLinkRequest,
  PanelMeDto,
  PanelQueueDto,
  PanelRewardsDto,
  PanelSessionDto,
  PanelSignInRequest,
  PanelSignOutRequest,
  RedeemRequest,
  RedeemResultDto,
} from '@podium/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '@/shared/api/http-client';

/** Everything the panel caches sits under one key: a sign-out or a redeem refreshes it all. */
export const panelKeys = {
  all: ['panel'] as const,
  me: () => ['panel', 'me'] as const,
  history: () => ['panel', 'history'] as const,
  rewards: () => ['panel', 'rewards'] as const,
  goals: () => ['panel', 'goals'] as const,
  queue: () => ['panel', 'queue'] as const,
};

/** `POST /api/panel/session`: the link's token for a session cookie. */
export function usePanelSignIn() {
  return useMutation({
    mutationFn: (request: PanelSignInRequest) => http.post<PanelSessionDto>('/panel/session', request),
  });
}

export function usePanelMe() {
  return useQuery({
    queryKey: panelKeys.me(),
    queryFn: ({ signal }) => http.get<PanelMeDto>('/panel/me', signal),
    retry: false,
    refetchOnWindowFocus: true,
    // No socket for viewers yet: the balance is refreshed on focus, after actions, and every 30 s.
    refetchInterval: 30_000,
  });
}

export function usePanelHistory(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: panelKeys.history(),
    queryFn: ({ pageParam, signal }) =>
      http.get<PanelHistoryDto>(
        `/panel/history?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function usePanelRewards(enabled: boolean) {
  return useQuery({
    queryKey: panelKeys.rewards(),
    queryFn: ({ signal }) => http.get<PanelRewardsDto>('/panel/rewards', signal),
    enabled,
  });
}

export function usePanelGoals(enabled: boolean) {
  return useQuery({
    queryKey: panelKeys.goals(),
    queryFn: ({ signal }) => http.get<PanelGoalsDto>('/panel/goals', signal),
    enabled,
  });
}

export function usePanelQueue(enabled: boolean) {
  return useQuery({
    queryKey: panelKeys.queue(),
    queryFn: ({ signal }) => http.get<PanelQueueDto>('/panel/queue', signal),
    enabled,
    refetchInterval: 15_000,
  });
}

/** A redeem changes the balance, the queue, goals and history: all are refetched after it. */
export function usePanelRedeem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RedeemRequest) => http.post<RedeemResultDto>('/panel/redeem', request),
    onSettled: () => client.invalidateQueries({ queryKey: panelKeys.all }),
  });
}

export function usePanelKofiLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: PanelKofiLinkRequest) => http.post<PanelKofiLinkDto>('/panel/kofi-link', request),
    onSuccess: () => client.invalidateQueries({ queryKey: panelKeys.all }),
  });
}

export function usePanelSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: PanelSignOutRequest) => http.post<void>('/panel/sign-out', request),
    // Refetching `me` now answers 401, which shows the signed-out page.
    onSettled: () => client.resetQueries({ queryKey: panelKeys.all }),
  });
}
