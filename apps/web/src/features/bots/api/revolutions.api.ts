import type {
  CreateRevolutionBotRequest,
  RevolutionBotDto,
  UpdateRevolutionBotRequest,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';

const revolutionsPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/bots/revolutions`;

export const revolutionsQueryKey = (workspaceId: string) =>
  ['workspaces', workspaceId, 'bots', 'revolutions'] as const;

export const revolutionsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: revolutionsQueryKey(workspaceId),
    queryFn: ({ signal }) => http.get<RevolutionBotDto[]>(revolutionsPath(workspaceId), signal),
  });

export function useRevolutions(workspaceId: string) {
  return useQuery(revolutionsQueryOptions(workspaceId));
}

/** Puts the saved bot in the cached list (in place, or first when new). */
function withBot(
  list: RevolutionBotDto[] | undefined,
  bot: RevolutionBotDto,
): RevolutionBotDto[] | undefined {
  if (!list) return list;
  return list.some((item) => item.id === bot.id)
    ? list.map((item) => (item.id === bot.id ? bot : item))
    : [bot, ...list];
}

export function useCreateRevolution(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateRevolutionBotRequest) =>
      http.post<RevolutionBotDto>(revolutionsPath(workspaceId), request),
    onSuccess: (bot) =>
      queryClient.setQueryData<RevolutionBotDto[]>(revolutionsQueryKey(workspaceId), (list) =>
        withBot(list, bot),
      ),
  });
}

export function useUpdateRevolution(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateRevolutionBotRequest }) =>
      http.patch<RevolutionBotDto>(`${revolutionsPath(workspaceId)}/${segment(id)}`, request),
    onSuccess: (bot) =>
      queryClient.setQueryData<RevolutionBotDto[]>(revolutionsQueryKey(workspaceId), (list) =>
        withBot(list, bot),
      ),
  });
}

export function useDeleteRevolution(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete(`${revolutionsPath(workspaceId)}/${segment(id)}`),
    onSuccess: (_nothing, id) =>
      queryClient.setQueryData<RevolutionBotDto[]>(revolutionsQueryKey(workspaceId), (list) =>
        list?.filter((item) => item.id !== id),
      ),
  });
}
