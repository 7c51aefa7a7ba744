import type { ConnectionDto, ConnectOwncastRequest, OAuthStartDto } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, CLIENT_ERROR_CODES } from '@/shared/api/api-error';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import { removeConnection, upsertConnection } from '../model/connection-list';
import { type OAuthPlatform, safeRedirectUrl } from '../model/connection-view';

const connectionsPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/connections`;

/** The install has no app registered for this platform (the message names the env variables). */
export const NOT_CONFIGURED_CODE = 'chat.platform_not_configured';

export type OAuthRole = 'broadcaster' | 'bot';

export function authorizePath(workspaceId: string, platform: OAuthPlatform, role?: OAuthRole): string {
  const path = `${connectionsPath(workspaceId)}/${platform}/authorize`;
  return role ? `${path}?role=${role}` : path;
}

export interface ConnectionsQueryFlags {
  /** False below moderator: the api refuses viewers the list (it holds webhook keys), so don't ask. */
  enabled?: boolean;
}

export const connectionsQueryOptions = (
  workspaceId: string,
  { enabled = true }: ConnectionsQueryFlags = {},
) =>
  queryOptions({
    queryKey: queryKeys.connections(workspaceId),
    queryFn: ({ signal }) => http.get<ConnectionDto[]>(connectionsPath(workspaceId), signal),
    enabled,
  });

/** Every connection of the workspace (the in-room chat always among them), kept live by pushes. */
export function useConnections(workspaceId: string, flags?: ConnectionsQueryFlags) {
  return useQuery(connectionsQueryOptions(workspaceId, flags));
}

/** Owners: disconnects (the server revokes the platform's tokens) and forgets the connection. */
export function useDisconnect(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectionId: string) =>
      http.delete(`${connectionsPath(workspaceId)}/${segment(connectionId)}`),
    onSuccess: (_nothing, connectionId) => {
      queryClient.setQueryData<ConnectionDto[]>(queryKeys.connections(workspaceId), (list) =>
        removeConnection(list, connectionId),
      );
    },
  });
}

export function useConnectOwncast(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ConnectOwncastRequest) =>
      http.post<ConnectionDto>(`${connectionsPath(workspaceId)}/owncast`, request),
    onSuccess: (connection) => {
      queryClient.setQueryData<ConnectionDto[]>(queryKeys.connections(workspaceId), (list) =>
        upsertConnection(list, connection),
      );
    },
  });
}

/**
 * Asks the server for the platform's consent page. Fails with the server's error, e.g. 503
 * `chat.platform_not_configured` when the install has no app for the platform.
 */
export async function authorizeUrl(
  workspaceId: string,
  platform: OAuthPlatform,
  role?: OAuthRole,
): Promise<string> {
  const { authorizeUrl: url } = await http.get<OAuthStartDto>(authorizePath(workspaceId, platform, role));
  const target = safeRedirectUrl(url);
  if (!target) {
    throw new ApiError({
      statusCode: 502,
      code: CLIENT_ERROR_CODES.badResponse,
      message: 'The server sent an unusable sign-in address.',
    });
  }
  return target;
}

/**
 * Owners: sends the browser to the platform's consent page; the platform comes back to the
 * server, which redirects to the connections page with `?connected=` or `?error=`.
 */
export function useStartOAuth(workspaceId: string) {
  return useMutation({
    mutationFn: ({ platform, role }: { platform: OAuthPlatform; role?: OAuthRole }) =>
      authorizeUrl(workspaceId, platform, role),
    onSuccess: (target) => window.location.assign(target),
  });
}
