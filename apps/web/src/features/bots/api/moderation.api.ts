import type {
  ModerationLogPageDto,
  ModerationSettingsDto,
  UpdateModerationSettingsRequest,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';

const moderationPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/bots/moderation`;

export const moderationQueryKey = (workspaceId: string) =>
  ['workspaces', workspaceId, 'bots', 'moderation'] as const;

export const moderationQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: moderationQueryKey(workspaceId),
    queryFn: ({ signal }) => http.get<ModerationSettingsDto>(moderationPath(workspaceId), signal),
  });

export function useModerationSettings(workspaceId: string) {
  return useQuery(moderationQueryOptions(workspaceId));
}

/** Saves the whole settings; a bad regex comes back as a 400 naming `bannedTerms.terms.<i>.pattern`. */
export function useSaveModerationSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateModerationSettingsRequest) =>
      http.put<ModerationSettingsDto>(moderationPath(workspaceId), request),
    onSuccess: (saved) => queryClient.setQueryData(moderationQueryKey(workspaceId), saved),
  });
}

/** The query string of one log page: `limit`, and `before` (an entry id) to page back. */
export function moderationLogSearch(limit: number, before?: string): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (before) params.set('before', before);
  return params.toString();
}

export type FetchModerationLogPage = (limit: number, before?: string) => Promise<ModerationLogPageDto>;

/** Pages of the log, newest first; not cached by react-query (the page's store merges pushes). */
export function moderationLogFetcher(workspaceId: string): FetchModerationLogPage {
  return (limit, before) =>
    http.get<ModerationLogPageDto>(
      `${moderationPath(workspaceId)}/log?${moderationLogSearch(limit, before)}`,
    );
}
