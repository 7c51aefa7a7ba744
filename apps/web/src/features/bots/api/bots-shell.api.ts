import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import { replaceById } from '../model/bots-shell.list';

/** `/workspaces/<id>/bots/<rest>`: every bots endpoint of the workspace (moderator and up). */
export const botsPath = (workspaceId: string, ...rest: string[]): string =>
  [`/workspaces/${segment(workspaceId)}/bots`, ...rest.map(segment)].join('/');

/** Query keys of the Bots page: one segment a list under the workspace's `bots` prefix. */
export const botsKeys = {
  settings: (workspaceId: string) => [...queryKeys.bots(workspaceId), 'settings'] as const,
  commands: (workspaceId: string) => [...queryKeys.bots(workspaceId), 'commands'] as const,
  builtins: (workspaceId: string) => [...queryKeys.bots(workspaceId), 'builtins'] as const,
  autoResponses: (workspaceId: string) => [...queryKeys.bots(workspaceId), 'auto-responses'] as const,
  announcements: (workspaceId: string) => [...queryKeys.bots(workspaceId), 'announcements'] as const,
};

/**
 * List, create, edit and delete hooks for one kind of bot under `/bots/<kind>`: the list is cached
 * under `key`, an edit or a delete updates it in place, a create reloads it (server order).
 */
export function botsCrud<TDto extends { id: string }, TCreate, TUpdate>(
  kind: string,
  key: (workspaceId: string) => readonly unknown[],
) {
  const listPath = (workspaceId: string) => botsPath(workspaceId, kind);
  const itemPath = (workspaceId: string, id: string) => botsPath(workspaceId, kind, id);
  return {
    useList(workspaceId: string) {
      return useQuery({
        queryKey: key(workspaceId),
        queryFn: ({ signal }) => http.get<TDto[]>(listPath(workspaceId), signal),
      });
    },
    useCreate(workspaceId: string) {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (request: TCreate) => http.post<TDto>(listPath(workspaceId), request),
        onSuccess: () => queryClient.invalidateQueries({ queryKey: key(workspaceId) }),
      });
    },
    useUpdate(workspaceId: string) {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: ({ id, request }: { id: string; request: TUpdate }) =>
          http.patch<TDto>(itemPath(workspaceId, id), request),
        onSuccess: (saved) => {
          queryClient.setQueryData<TDto[]>(key(workspaceId), (list) => replaceById(list, saved));
        },
      });
    },
    useDelete(workspaceId: string) {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (id: string) => http.delete(itemPath(workspaceId, id)),
        onSuccess: (_nothing, id) => {
          queryClient.setQueryData<TDto[]>(key(workspaceId), (list) =>
            list?.filter((item) => item.id !== id),
          );
        },
      });
    },
  };
}
