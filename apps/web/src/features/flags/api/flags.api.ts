import type { CreateFlagRequest, FlagDto, UpdateFlagRequest } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

const flagsPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/flags`;
const flagPath = (workspaceId: string, flagId: string) => `${flagsPath(workspaceId)}/${segment(flagId)}`;

export const flagsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: queryKeys.flags(workspaceId),
    queryFn: ({ signal }) => http.get<FlagDto[]>(flagsPath(workspaceId), signal),
  });

export function useFlags(workspaceId: string) {
  return useQuery(flagsQueryOptions(workspaceId));
}

export function useCreateFlag(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateFlagRequest) => http.post<FlagDto>(flagsPath(workspaceId), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.flags(workspaceId) }),
  });
}

export function useUpdateFlag(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, request }: { flagId: string; request: UpdateFlagRequest }) =>
      http.patch<FlagDto>(flagPath(workspaceId, flagId), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.flags(workspaceId) }),
  });
}

export function useDeleteFlag(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (flagId: string) => http.delete(flagPath(workspaceId, flagId)),
    onSuccess: (_nothing, flagId) => {
      queryClient.setQueryData<FlagDto[]>(queryKeys.flags(workspaceId), (flags) =>
        flags?.filter((flag) => flag.id !== flagId),
      );
    },
  });
}
