import type {
  ClearQueueRequest,
  ClearQueueResultDto,
  CreateRewardRequest,
  ImportRewardsRequest,
  ImportRewardsResultDto,
  RedemptionDto,
  RedemptionPageDto,
  ResetCountersRequest,
  RewardDto,
  RewardListDto,
  SetActiveCategoriesRequest,
  UpdateRewardRequest,
} from '@podium/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import type { QueueAction } from '../model/queue.store';

const workspaceBase = (workspaceId: string) => `/workspaces/${segment(workspaceId)}`;
/** `/workspaces/<id>/rewards/<rest>`: rewards CRUD, categories, import. */
export const rewardsPath = (workspaceId: string, ...rest: string[]) =>
  [`${workspaceBase(workspaceId)}/rewards`, ...rest.map(segment)].join('/');
/** `/workspaces/<id>/redeems/<rest>`: the queue. */
export const redeemsPath = (workspaceId: string, ...rest: string[]) =>
  [`${workspaceBase(workspaceId)}/redeems`, ...rest.map(segment)].join('/');

export const rewardsKeys = {
  list: (workspaceId: string) => [...queryKeys.rewards(workspaceId), 'list'] as const,
};

/** Rewards and categories together (one list the page groups by category). */
export function useRewards(workspaceId: string) {
  return useQuery({
    queryKey: rewardsKeys.list(workspaceId),
    queryFn: ({ signal }) => http.get<RewardListDto>(rewardsPath(workspaceId), signal),
  });
}

function useRewardsMutation<TVariables, TResult>(
  workspaceId: string,
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Categories, counts and `active` move with any change: the list is read again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rewardsKeys.list(workspaceId) }),
  });
}

export const rewardsApi = {
  useCreate: (workspaceId: string) =>
    useRewardsMutation(workspaceId, (request: CreateRewardRequest) =>
      http.post<RewardDto>(rewardsPath(workspaceId), request),
    ),
  useUpdate: (workspaceId: string) =>
    useRewardsMutation(workspaceId, ({ id, request }: { id: string; request: UpdateRewardRequest }) =>
      http.patch<RewardDto>(rewardsPath(workspaceId, id), request),
    ),
  useDelete: (workspaceId: string) =>
    useRewardsMutation(workspaceId, (id: string) => http.delete(rewardsPath(workspaceId, id))),
  useSetActiveCategories: (workspaceId: string) =>
    useRewardsMutation(workspaceId, (request: SetActiveCategoriesRequest) =>
      http.put<unknown>(rewardsPath(workspaceId, 'categories', 'active'), request),
    ),
  useImport: (workspaceId: string) =>
    useRewardsMutation(workspaceId, (request: ImportRewardsRequest) =>
      http.post<ImportRewardsResultDto>(rewardsPath(workspaceId, 'import'), request),
    ),
  useResetCounters: (workspaceId: string) =>
    useRewardsMutation(workspaceId, (request: ResetCountersRequest) =>
      http.post<unknown>(redeemsPath(workspaceId, 'counters', 'reset'), request),
    ),
};

/** The pending queue, oldest first (the live store takes it as its snapshot). */
export const fetchPendingQueue = (workspaceId: string, signal?: AbortSignal) =>
  http.get<RedemptionPageDto>(`${redeemsPath(workspaceId)}?status=pending&limit=200`, signal);

/** Fulfil, refund or reject one pending redemption; a second move answers 409. */
export const decideRedemption = (workspaceId: string, id: string, action: QueueAction) =>
  http.post<RedemptionDto>(redeemsPath(workspaceId, id, action));

export const clearQueue = (workspaceId: string, request: ClearQueueRequest) =>
  http.post<ClearQueueResultDto>(redeemsPath(workspaceId, 'queue', 'clear'), request);
