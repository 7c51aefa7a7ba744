import type { MergeViewersRequest, ViewerDto } from '@podium/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import { viewersSearch } from '../model/viewer-search';

const viewersPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/viewers`;

/** Self-merge or a target that was itself merged (400). */
export const MERGE_INVALID_CODE = 'chat.merge_invalid';
/** One of the two viewers is not in this workspace (any more) (404). */
export const VIEWER_NOT_FOUND_CODE = 'chat.viewer_not_found';

/** `term` is already trimmed (see searchTerm): one cache entry per distinct search. */
export const viewersQueryOptions = (workspaceId: string, term: string) =>
  queryOptions({
    queryKey: [...queryKeys.viewers(workspaceId), term] as const,
    queryFn: ({ signal }) =>
      http.get<ViewerDto[]>(`${viewersPath(workspaceId)}${viewersSearch(term)}`, signal),
  });

/**
 * Up to 50 viewers matching the name or login, most recently seen first. While a new search
 * loads, the previous rows stay on screen instead of flashing empty.
 */
export function useViewers(workspaceId: string, term: string) {
  return useQuery({ ...viewersQueryOptions(workspaceId, term), placeholderData: keepPreviousData });
}

/**
 * Moderators and owners: links `source` to `target` (the answer). Settles once every search is
 * fetched again, so the list shows the link as soon as the mutation reports success, and a
 * refusal (the list was stale) leaves the list as the server has it.
 */
export function useMergeViewers(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MergeViewersRequest) =>
      http.post<ViewerDto>(`${viewersPath(workspaceId)}/merge`, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.viewers(workspaceId) }),
  });
}
