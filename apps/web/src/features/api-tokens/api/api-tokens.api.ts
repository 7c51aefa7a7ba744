import type { ApiTokenDto, CreateApiTokenRequest, CreatedApiTokenDto } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';

const tokensPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/api-tokens`;

export const apiTokensKeys = {
  list: (workspaceId: string) => ['workspaces', workspaceId, 'api-tokens'] as const,
};

export const apiTokensQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: apiTokensKeys.list(workspaceId),
    queryFn: ({ signal }) => http.get<ApiTokenDto[]>(tokensPath(workspaceId), signal),
  });

export function useApiTokens(workspaceId: string) {
  return useQuery(apiTokensQueryOptions(workspaceId));
}

export function useCreateApiToken(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateApiTokenRequest) =>
      http.post<CreatedApiTokenDto>(tokensPath(workspaceId), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKeys.list(workspaceId) }),
  });
}

export function useRevokeApiToken(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => http.delete(`${tokensPath(workspaceId)}/${segment(tokenId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKeys.list(workspaceId) }),
  });
}
