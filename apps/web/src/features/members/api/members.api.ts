import type { ChangeRoleRequest, MemberDto } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

const membersPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/members`;

export const membersQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: queryKeys.members(workspaceId),
    queryFn: ({ signal }) => http.get<MemberDto[]>(membersPath(workspaceId), signal),
  });

export function useMembers(workspaceId: string) {
  return useQuery(membersQueryOptions(workspaceId));
}

export function useChangeRole(workspaceId: string, myUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string } & ChangeRoleRequest) =>
      http.patch<MemberDto>(`${membersPath(workspaceId)}/${segment(userId)}`, { role }),
    onSuccess: async (member) => {
      queryClient.setQueryData<MemberDto[]>(queryKeys.members(workspaceId), (members) =>
        members?.map((m) => (m.userId === member.userId ? member : m)),
      );
      if (member.userId === myUserId) await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

/** Removes a member (owners), or leaves the workspace when `userId` is the caller. */
export function useRemoveMember(workspaceId: string, myUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => http.delete(`${membersPath(workspaceId)}/${segment(userId)}`),
    onSuccess: async (_nothing, userId) => {
      if (userId === myUserId) {
        queryClient.removeQueries({ queryKey: queryKeys.workspace(workspaceId) });
        await queryClient.invalidateQueries({ queryKey: queryKeys.me });
        return;
      }
      queryClient.setQueryData<MemberDto[]>(queryKeys.members(workspaceId), (members) =>
        members?.filter((m) => m.userId !== userId),
      );
    },
  });
}
