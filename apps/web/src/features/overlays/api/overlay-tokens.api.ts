import type {
  CreatedOverlayTokenDto,
  CreateOverlayTokenRequest,
  OverlayKind,
  OverlayTokenDto,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

const tokensPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/overlay-tokens`;

/** The URL to paste into an OBS browser source: the overlay app is served under `/overlay/`. */
export function overlayUrl(origin: string, token: string, kind: OverlayKind = 'test'): string {
  const url = new URL(`/overlay/${kind}`, origin);
  url.searchParams.set('token', token);
  return url.toString();
}

export const overlayTokensQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: queryKeys.overlayTokens(workspaceId),
    queryFn: ({ signal }) => http.get<OverlayTokenDto[]>(tokensPath(workspaceId), signal),
  });

export function useOverlayTokens(workspaceId: string) {
  return useQuery(overlayTokensQueryOptions(workspaceId));
}

export function useCreateOverlayToken(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateOverlayTokenRequest) =>
      http.post<CreatedOverlayTokenDto>(tokensPath(workspaceId), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.overlayTokens(workspaceId) }),
  });
}

export function useRevokeOverlayToken(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => http.delete(`${tokensPath(workspaceId)}/${segment(tokenId)}`),
    onSuccess: (_nothing, tokenId) => {
      queryClient.setQueryData<OverlayTokenDto[]>(queryKeys.overlayTokens(workspaceId), (tokens) =>
        tokens?.filter((token) => token.id !== tokenId),
      );
    },
  });
}
