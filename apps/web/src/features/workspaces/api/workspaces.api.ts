import type { CreateWorkspaceRequest, RenameWorkspaceRequest, WorkspaceDto } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

export const workspaceQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: ({ signal }) => http.get<WorkspaceDto>(`/workspaces/${segment(workspaceId)}`, signal),
  });

export function useWorkspace(workspaceId: string) {
  return useQuery(workspaceQueryOptions(workspaceId));
}

/** The caller becomes its owner; resolves once `me` lists the new membership. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateWorkspaceRequest) => http.post<WorkspaceDto>('/workspaces', request),
    onSuccess: async (workspace) => {
      queryClient.setQueryData(queryKeys.workspace(workspace.id), workspace);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useRenameWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RenameWorkspaceRequest) =>
      http.patch<WorkspaceDto>(`/workspaces/${segment(workspaceId)}`, request),
    onSuccess: async (workspace) => {
      queryClient.setQueryData(queryKeys.workspace(workspace.id), workspace);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
